// Checkpoint checks: each signature under the known public keys, and each signed head against the records.
import type { Checkpoint } from "./record.ts";
import { type PublicKeys, verifyCheckpointSignature } from "./signing.ts";
import type { CheckpointEntry, LedgerEntry, Problem } from "./verify-types.ts";

export type CheckpointFindings = {
  problems: Problem[];
  /** Checkpoints whose signature verified (all of them when no keys were given). */
  trusted: Checkpoint[];
  /** The highest seq whose signed head matches the record in the export. */
  sealedThrough: number | null;
};

/** Verifies signatures (when keys are given) and that each signed head is the hash of the record at its seq. */
export async function checkCheckpoints(
  checkpoints: readonly CheckpointEntry[],
  bySeq: ReadonlyMap<number, readonly LedgerEntry[]>,
  keys: PublicKeys | null,
): Promise<CheckpointFindings> {
  const problems: Problem[] = [];
  const trusted: Checkpoint[] = [];
  let sealedThrough: number | null = null;
  for (const { line, checkpoint: c } of checkpoints) {
    if (keys && !keys.has(c.keyId)) {
      problems.push({ kind: "forged_checkpoint", line, seq: c.seq, message: `checkpoint seq ${c.seq} (line ${line}) is signed by unknown key ${c.keyId}: forged, or verify with that public key` });
      continue;
    }
    if (keys && !(await verifyCheckpointSignature(keys, c))) {
      problems.push({ kind: "forged_checkpoint", line, seq: c.seq, message: `checkpoint seq ${c.seq} (line ${line}) has an invalid signature: it was forged or changed` });
      continue;
    }
    trusted.push(c);
    const records = bySeq.get(c.seq);
    if (!records) continue;
    if (records.some((r) => r.hash === c.headHash)) {
      sealedThrough = Math.max(sealedThrough ?? 0, c.seq);
    } else {
      problems.push({ kind: "checkpoint_mismatch", line, seq: c.seq, message: `checkpoint seq ${c.seq} (line ${line}) signed another head: records up to seq ${c.seq} were rewritten after it was signed` });
    }
  }
  return { problems, trusted, sealedThrough };
}
