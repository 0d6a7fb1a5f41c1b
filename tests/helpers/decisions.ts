// The decision most ledger tests start from, for either tier (it imports nothing of workerd's).
import type { DecisionInput } from "../../worker/ledger/record-types.ts";

/** Accept all, on the banner, in Italian, under one policy version: a test overrides what it is about. */
export const ACCEPT_ALL: Omit<DecisionInput, "eventId" | "consentId" | "texts"> = {
  action: "accept_all",
  categories: { necessary: true, analytics: true, media: true },
  method: "banner",
  signals: [],
  locale: "it",
  policyVersion: "a1b2c3d4e5f6",
};
