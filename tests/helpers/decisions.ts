// The decision most ledger tests start from, for either tier (it imports nothing of workerd's).
import type { DecisionInput } from "../../worker/ledger/record-types.ts";

/**
 * Accept all, on the banner, in Italian, under one policy version: a test overrides what it
 * is about.
 */
export const ACCEPT_ALL: Omit<DecisionInput, "eventId" | "consentId" | "texts"> = {
  action: "accept_all",
  categories: { necessary: true, analytics: true, media: true },
  method: "banner",
  signals: [],
  locale: "it",
  policyVersion: "a1b2c3d4e5f6",
};

/**
 * The first cell of each row of a CSV export holding three records: the signed head, the records,
 * the manifest.
 */
export const THREE_RECORD_ROWS = ["type", "tree_head", "record", "record", "record", "manifest"];
