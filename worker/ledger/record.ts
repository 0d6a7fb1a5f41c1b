// The ledger's record shapes, parsed with zod at the boundaries (the decision function, export files).
// zod/mini keeps the Worker bundle small; the types are inferred from the schemas.
import * as z from "zod/mini";
import { LOCALES } from "../../content/locales.ts";

export const ACTIONS = ["accept_all", "reject_all", "save", "close", "withdraw"] as const;
/**
 * Where the decision was made: the banner, its X (or Esc), the preferences page, the footer link, a video's
 * "allow and play". Browser signals (GPC, DNT) are not a method: they are noted in `signals`.
 */
export const METHODS = ["banner", "banner_close", "preferences", "footer", "embed"] as const;
/** Browser privacy signals present when the decision was made. */
export const SIGNALS = ["gpc", "dnt"] as const;

export const Action = z.enum(ACTIONS);
export type Action = z.infer<typeof Action>;

/** Random, pseudonymous identifiers: event ids (idempotency keys) and consent ids. */
export const LedgerId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8-64 letters, digits, - or _"));
export const PolicyVersion = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,32}$/, "must be 1-32 letters, digits, . - or _"));
const Hash = z.string().check(z.regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest"));
const Categories = z
  .record(z.string().check(z.regex(/^[a-z][a-z0-9_]{0,31}$/, "must be a lowercase category name")), z.boolean())
  .check(z.refine((c) => Object.keys(c).length >= 1 && Object.keys(c).length <= 16, "must name 1 to 16 categories"));
const Signals = z.array(z.enum(SIGNALS)).check(z.maxLength(SIGNALS.length));
const UtcTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, "must be UTC ISO 8601 with milliseconds"));

/** What the consent decision function hands the ledger. The server time and the chain are added by the ledger. */
export const ConsentRecordInput = z.object({
  eventId: LedgerId,
  consentId: LedgerId,
  action: Action,
  categories: Categories,
  method: z.enum(METHODS),
  signals: z._default(Signals, []),
  locale: z.enum(LOCALES),
  policyVersion: PolicyVersion,
  /** The exact consent texts shown (serialized as shown): archived once, referenced by their SHA-256. */
  texts: z.string().check(z.minLength(1), z.maxLength(256 * 1024)),
});
export type ConsentRecordInput = z.input<typeof ConsentRecordInput>;
export type ParsedRecordInput = z.output<typeof ConsentRecordInput>;

/** A record as stored and exported. Field order here is the order of exports. */
export const StoredRecord = z.object({
  seq: z.int().check(z.gte(1)),
  recordedAt: UtcTime,
  eventId: LedgerId,
  consentId: LedgerId,
  action: Action,
  method: z.enum(METHODS),
  signals: Signals,
  categories: Categories,
  locale: z.enum(LOCALES),
  policyVersion: PolicyVersion,
  textsHash: Hash,
  prevHash: Hash,
  hash: Hash,
});
export type StoredRecord = z.infer<typeof StoredRecord>;
/** The fields a record's hash covers (everything but the hashes themselves). */
export type RecordBody = Omit<StoredRecord, "prevHash" | "hash">;

/** A signed statement: the chain up to `seq` had head `headHash`. */
export const Checkpoint = z.object({
  seq: z.int().check(z.gte(1)),
  headHash: Hash,
  signedAt: UtcTime,
  keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/, "must be 16 hex digits")),
  signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{86}$/, "must be a base64url Ed25519 signature")),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** The first problem in a zod result, as "field: message". */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
