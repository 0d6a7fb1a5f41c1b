// The ledger's record shapes as plain types and constants: what the writer (the Durable Object) and POST /consent
// use, without zod. record.ts holds the zod schemas that parse export files (admin and verifier only).
import type { Locale } from "../../content/locales.ts";

export const ACTIONS = ["accept_all", "reject_all", "save", "close", "withdraw"] as const;
/**
 * Where the decision was made: the banner, its X (or Esc), the preferences page, the footer link, a video's
 * "allow and play". Browser signals (GPC, DNT) are not a method: they are noted in `signals`.
 */
export const METHODS = ["banner", "banner_close", "preferences", "footer", "embed"] as const;
/** Browser privacy signals present when the decision was made. */
export const SIGNALS = ["gpc", "dnt"] as const;

export type Action = (typeof ACTIONS)[number];
export type Method = (typeof METHODS)[number];
export type Signal = (typeof SIGNALS)[number];

/** Random, pseudonymous identifiers: event ids (idempotency keys) and consent ids. */
export const LEDGER_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const POLICY_VERSION = /^[A-Za-z0-9._-]{1,32}$/;
export const CATEGORY_NAME = /^[a-z][a-z0-9_]{0,31}$/;
export const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const MAX_TEXTS_BYTES = 256 * 1024;

/** What the consent decision function hands the ledger. Server time, position and leaf hash are the log's. */
export type DecisionInput = {
  eventId: string;
  consentId: string;
  action: Action;
  categories: Record<string, boolean>;
  method: Method;
  signals?: Signal[];
  locale: Locale;
  policyVersion: string;
  /** The exact consent texts shown (serialized as shown): archived once, referenced by their SHA-256. */
  texts: string;
  /** D24: the hash of the banner and preferences markup, stylesheet and script served (worker/consent/shown-markup.ts). */
  shownHash?: string;
};

/** The fields a record's leaf hash covers. Field order here is the order of exports. */
export type RecordBody = {
  /** Position in the log, from 1: leaf index seq − 1. */
  seq: number;
  recordedAt: string;
  eventId: string;
  consentId: string;
  action: Action;
  method: Method;
  signals: Signal[];
  categories: Record<string, boolean>;
  locale: Locale;
  policyVersion: string;
  textsHash: string;
  /** D24: the hash of the markup, stylesheet and script shown; absent on records written before it was recorded. */
  shownHash?: string;
};

/** A record with its leaf hash, SHA-256(0x00 ‖ canonical record). */
export type LogRecord = RecordBody & { leafHash: string };

/** A signed tree head: the log had `size` leaves with this root at `timestamp`, says the key `keyId`. */
export type TreeHead = {
  size: number;
  root: string;
  timestamp: string;
  keyId: string;
  signature: string;
};

export type ExportScope = "complete" | "range" | "filtered";
