// What an export holds once read, and what the verifier reports. Shared by the Worker and the
// offline CLI.
import type { Manifest } from "./manifest.ts";
import type { LogRecord, TreeHead } from "./record-types.ts";

/**
 * complete: every leaf of the tree; range: a contiguous date range (time never decreases along the
 * log); filtered: the records of one consent id, action or policy version.
 */
export type { ExportScope } from "./record-types.ts";
import type { ExportScope } from "./record-types.ts";

export type Redaction = {
  seq: number;
  recordedAt: string;
  leafHash: string;
  redactedAt: string;
  reason: "erasure" | "retention";
};

/**
 * One leaf as an export shows it: a record, or a redacted leaf (body erased, hash kept), with its
 * inclusion proof.
 */
export type ExportEntry =
  | { type: "record"; record: LogRecord; treeSize: number; proof: string[] }
  | { type: "redacted"; redaction: Redaction; treeSize: number; proof: string[] };

export type Consistency = { fromSize: number; toSize: number; proof: string[] };

/**
 * An entry as found in a file. `entry` is null when it does not parse; `seq` and `eventId` are kept
 * when they can be read, so one damaged field still says where it sits.
 */
export type ParsedEntry = {
  line: number;
  seq: number;
  eventId?: string;
  entry: ExportEntry | null;
  issue?: string;
};

export type ParsedExport = {
  format: "csv" | "ndjson" | "json" | "receipt";
  scope: ExportScope;
  entries: ParsedEntry[];
  heads: { line: number; head: TreeHead }[];
  consistency: { line: number; value: Consistency }[];
  manifest: { line: number; value: Manifest } | null;
  /** Lines that are none of the above (a damaged file). */
  unreadable: { line: number; reason: string }[];
};

/** The verdict, most serious first; each has its own exit code. */
export type Verdict = "tampered" | "unproven" | "empty" | "valid";

export type Problem = {
  verdict: "tampered" | "unproven";
  line: number;
  seq?: number;
  message: string;
};

export type VerifyReport = {
  verdict: Verdict;
  /** Sorted by line: the first is the first bad entry. */
  problems: Problem[];
  notes: string[];
  records: number;
  redacted: number;
  head: TreeHead | null;
};

export function describeEntry(e: { seq?: number; line: number; eventId?: string }): string {
  const seq = e.seq !== undefined && Number.isFinite(e.seq) ? `record seq ${e.seq}` : "record";
  return `${seq} (line ${e.line}${e.eventId ? `, event ${e.eventId}` : ""})`;
}
