// The ledger's shapes as zod schemas, for what arrives from outside: export files, receipts, admin
// queries. zod/mini keeps the admin and verifier small; the append path (POST /consent, the Durable
// Object) uses record-types.ts and decision-check.ts instead, without zod.
import * as z from "zod/mini";
import { ACTIONS, METHODS, SIGNALS } from "../../content/ledger-vocabulary.ts";
import { LOCALES } from "../../content/locales.ts";
import {
  CATEGORY_NAME,
  LEDGER_ID,
  POLICY_VERSION,
  UTC_TIME,
  type LogRecord,
  type TreeHead,
} from "./record-types.ts";

export const Action = z.enum(ACTIONS);
export const LedgerId = z
  .string()
  .check(z.regex(LEDGER_ID, "must be 8-64 letters, digits, - or _"));
export const PolicyVersion = z
  .string()
  .check(z.regex(POLICY_VERSION, "must be 1-32 letters, digits, . - or _"));
export const Hash = z.string().check(z.regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest"));
const Categories = z
  .record(
    z.string().check(z.regex(CATEGORY_NAME, "must be a lowercase category name")),
    z.boolean(),
  )
  .check(
    z.refine(
      (c) => Object.keys(c).length >= 1 && Object.keys(c).length <= 16,
      "must name 1 to 16 categories",
    ),
  );
const Signals = z.array(z.enum(SIGNALS)).check(z.maxLength(SIGNALS.length));
export const UtcTime = z
  .string()
  .check(z.regex(UTC_TIME, "must be UTC ISO 8601 with milliseconds"));
const Seq = z.int().check(z.gte(1));
const Size = z.int().check(z.gte(0));
const Proof = z.array(Hash).check(z.maxLength(64));

/** A record with its leaf hash, as exports and receipts carry it. */
export const StoredRecord = z.object({
  seq: Seq,
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
  shownHash: z.optional(Hash),
  leafHash: Hash,
});
export type StoredRecord = z.infer<typeof StoredRecord>;

export const ProvenRecord = z.object({ ...StoredRecord.shape, treeSize: Size, proof: Proof });
export const ProvenRedaction = z.object({
  seq: Seq,
  recordedAt: UtcTime,
  leafHash: Hash,
  redactedAt: UtcTime,
  reason: z.enum(["erasure", "retention"]),
  treeSize: Size,
  proof: Proof,
});

export const TreeHeadSchema = z.object({
  size: Size,
  root: Hash,
  timestamp: UtcTime,
  keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/, "must be 16 hex digits")),
  signature: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]{86}$/, "must be a base64url Ed25519 signature")),
});

export const ConsistencySchema = z.object({ fromSize: Size, toSize: Size, proof: Proof });

export const ManifestSchema = z.object({
  generatedAt: UtcTime,
  scope: z.enum(["complete", "range", "filtered"]),
  filter: z.record(z.string(), z.string()),
  treeSize: Size,
  root: Hash,
  seqs: z.array(Seq),
  selection: Hash,
  keyId: z.string(),
  signature: z.string(),
});

// The plain types the writer uses and these schemas describe the same values.
const _sameRecord: LogRecord = {} as StoredRecord;
const _sameHead: TreeHead = {} as z.infer<typeof TreeHeadSchema>;
void _sameRecord;
void _sameHead;

/** The first problem in a zod result, as "field: message". */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
