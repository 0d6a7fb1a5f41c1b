// The ledger's record shapes as plain types and constants: what the writer (the Durable Object) and
// POST /consent use, without zod. record.ts holds the zod schemas that parse export files (admin
// and verifier only). Actions, methods and signals are content/ledger-vocabulary.ts.
import type { Action, Method, Signal } from "../../content/ledger-vocabulary.ts";
import type { Locale } from "../../content/locales.ts";

/** Random, pseudonymous identifiers: event ids (idempotency keys) and consent ids. */
export const LEDGER_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const POLICY_VERSION = /^[A-Za-z0-9._-]{1,32}$/;
export const CATEGORY_NAME = /^[a-z][a-z0-9_]{0,31}$/;
export const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const MAX_TEXTS_BYTES = 256 * 1024;

/**
 * One decision as the ledger is handed it. No IP address, no user agent, no URL history. Server
 * time, position and leaf hash are the log's.
 */
export type DecisionInput = {
  /** Random per decision: the idempotency key of the write. */
  eventId: string;
  /** The browser's pseudonymous id: kept across decisions while its signed cookie lasts. */
  consentId: string;
  action: Action;
  /** Every category shown, the technical one included (always true). */
  categories: Record<string, boolean>;
  method: Method;
  /** Privacy signals the browser sent with the decision (none when absent). */
  signals?: Signal[];
  locale: Locale;
  policyVersion: string;
  /**
   * The exact consent texts shown (serialized as shown): archived once, referenced by
   * their SHA-256.
   */
  texts: string;
  /**
   * D24: the hash of the banner and preferences markup, stylesheet and script served
   * (worker/consent/shown-markup.ts).
   */
  shownHash?: string;
};

/**
 * A decision with its signals listed (maybe none): what POST /consent builds and the log's
 * check returns.
 */
export type ConsentDecision = Required<Omit<DecisionInput, "shownHash">> &
  Pick<DecisionInput, "shownHash">;

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
  /**
   * D24: the hash of the markup, stylesheet and script shown; absent on records written before it
   * was recorded.
   */
  shownHash?: string;
};

/** A record with its leaf hash, SHA-256(0x00 ‖ canonical record). */
export type LogRecord = RecordBody & { leafHash: string };

/**
 * A signed tree head: the log had `size` leaves with this root at `timestamp`, says the
 * key `keyId`.
 */
export type TreeHead = {
  size: number;
  root: string;
  timestamp: string;
  keyId: string;
  signature: string;
};

export type ExportScope = "complete" | "range" | "filtered";
