// Reads the whole ledger from D1 as the verifier sees an export.
import { type CheckpointRow, type RecordRow, rowToCheckpoint, rowToRecord } from "../../worker/ledger/store.ts";
import type { CheckpointEntry, LedgerEntry } from "../../worker/ledger/verify-types.ts";

export async function readLedgerEntries(db: D1Database): Promise<{ entries: LedgerEntry[]; checkpoints: CheckpointEntry[] }> {
  const records = (await db.prepare("SELECT * FROM consent_records ORDER BY seq").all<RecordRow>()).results.map(rowToRecord);
  const checkpoints = (await db.prepare("SELECT * FROM ledger_checkpoints ORDER BY seq").all<CheckpointRow>()).results.map(rowToCheckpoint);
  return {
    entries: records.map((record, i) => ({ line: i + 1, seq: record.seq, eventId: record.eventId, prevHash: record.prevHash, hash: record.hash, record })),
    checkpoints: checkpoints.map((checkpoint, i) => ({ line: records.length + i + 1, checkpoint })),
  };
}
