// The ledger verifier: everything a compliance officer's offline check does, on plain values.
import { GENESIS_HASH } from "./canonical.ts";
import type { PublicKeys } from "./signing.ts";
import { checkCheckpoints } from "./verify-checkpoints.ts";
import { type ChainAnchor, findBrokenLinks } from "./verify-links.ts";
import { findChangedRecords, findReorderedRecords } from "./verify-records.ts";
import type { CheckpointEntry, ExportScope, LedgerEntry, Problem, VerifyReport } from "./verify-types.ts";

export type VerifyInput = {
  entries: readonly LedgerEntry[];
  checkpoints: readonly CheckpointEntry[];
  scope: ExportScope;
  /** null: signatures are not checked (the report says so). */
  keys: PublicKeys | null;
};

/** Structural findings name a record more precisely than "changed" on the same line. */
const PRECEDENCE: Record<Problem["kind"], number> = {
  inserted: 0,
  deleted: 1,
  reordered: 2,
  forged_checkpoint: 3,
  checkpoint_mismatch: 4,
  changed: 5,
};

export async function verifyLedger({ entries, checkpoints, scope, keys }: VerifyInput): Promise<VerifyReport> {
  const notes: string[] = [];
  const bySeq = groupBySeq(entries);
  const cps = await checkCheckpoints(checkpoints, bySeq, keys);
  const problems: Problem[] = [...cps.problems, ...(await findChangedRecords(entries))];
  if (!keys) notes.push("checkpoint signatures were NOT checked: no public key given");
  if (scope === "filtered") {
    notes.push("filtered export: each record is checked against its own hash; deletions can only be seen in an unfiltered export");
  } else {
    problems.push(...findReorderedRecords(entries));
    const sorted = [...entries].filter((e) => Number.isFinite(e.seq)).sort((a, b) => a.seq - b.seq);
    const anchor = findAnchor(sorted, cps.trusted, scope, notes, problems);
    problems.push(...findBrokenLinks(sorted, anchor, new Set(cps.trusted.map((c) => c.headHash))));
    const last = sorted[sorted.length - 1];
    if (last && (cps.sealedThrough ?? 0) < last.seq) {
      notes.push(`records after seq ${cps.sealedThrough ?? 0} (up to ${last.seq}) are chained but not covered by a checkpoint in this export`);
    }
  }
  problems.sort((a, b) => a.line - b.line || PRECEDENCE[a.kind] - PRECEDENCE[b.kind]);
  const unique = problems.filter((p, i) => i === 0 || p.line !== problems[i - 1]!.line);
  return { ok: unique.length === 0, problems: unique, notes, records: entries.length, checkpoints: checkpoints.length, sealedThrough: cps.sealedThrough };
}

/** The chain starts at genesis (seq 1) or at the checkpoint just before the first record (after a retention purge). */
function findAnchor(
  sorted: readonly LedgerEntry[],
  trusted: readonly { seq: number; headHash: string }[],
  scope: ExportScope,
  notes: string[],
  problems: Problem[],
): ChainAnchor | null {
  const first = sorted[0];
  if (!first) {
    notes.push("the export holds no records");
    return null;
  }
  if (first.seq === 1) return { seq: 0, hash: GENESIS_HASH };
  const checkpoint = trusted.find((c) => c.seq === first.seq - 1);
  if (checkpoint) {
    notes.push(`the chain starts after checkpoint seq ${checkpoint.seq} (earlier records were purged or are outside the range)`);
    return { seq: checkpoint.seq, hash: checkpoint.headHash };
  }
  if (scope === "range") {
    notes.push(`the range starts at seq ${first.seq}: its first link is not anchored by a checkpoint in this export`);
    return null;
  }
  problems.push({
    kind: "deleted",
    line: first.line,
    seq: first.seq,
    eventId: first.eventId,
    message: `record seq ${first.seq} (line ${first.line}) starts the chain, but no checkpoint anchors it: seq 1–${first.seq - 1} were deleted`,
  });
  return null;
}

function groupBySeq(entries: readonly LedgerEntry[]): Map<number, LedgerEntry[]> {
  const map = new Map<number, LedgerEntry[]>();
  for (const e of entries) map.set(e.seq, [...(map.get(e.seq) ?? []), e]);
  return map;
}
