// What the verifier reads and what it reports. Shared by the Worker (before sealing) and the offline CLI.
import type { Checkpoint, StoredRecord } from "./record.ts";

/**
 * A record as found in an export. `record` is null when the entry does not parse; its chain fields are kept
 * (when they have the right type) so one damaged field does not hide where it sits in the chain.
 */
export type LedgerEntry = {
  line: number;
  seq: number;
  eventId: string;
  prevHash: string;
  hash: string;
  record: StoredRecord | null;
  issue?: string;
};

export type CheckpointEntry = { line: number; checkpoint: Checkpoint };

/**
 * complete: the whole ledger, from genesis or from the retention checkpoint;
 * range: a contiguous date range; filtered: selected records (by consent id, action…), checked one by one.
 */
export type ExportScope = "complete" | "range" | "filtered";

export type ProblemKind = "changed" | "deleted" | "inserted" | "reordered" | "forged_checkpoint" | "checkpoint_mismatch";

export type Problem = { kind: ProblemKind; line: number; seq?: number; eventId?: string; message: string };

export type VerifyReport = {
  ok: boolean;
  /** Sorted by line: the first is the first bad record. */
  problems: Problem[];
  /** Facts that are not failures: what the signatures cover, where the export starts. */
  notes: string[];
  records: number;
  checkpoints: number;
  /** The highest seq covered by a valid checkpoint that matches the chain. */
  sealedThrough: number | null;
};

export function describeEntry(e: { seq?: number; line: number; eventId?: string }): string {
  const seq = e.seq !== undefined && Number.isFinite(e.seq) ? `record seq ${e.seq}` : "record";
  return `${seq} (line ${e.line}${e.eventId ? `, event ${e.eventId}` : ""})`;
}
