// Sealing: check the links since the last checkpoint, then sign the head. Run by the cron job and before exports.
import { GENESIS_HASH } from "./canonical.ts";
import type { Checkpoint } from "./record.ts";
import type { LedgerSigner } from "./signing.ts";
import { type CheckpointRow, type RecordRow, RECORD_COLUMNS, rowToCheckpoint, rowToRecord } from "./store.ts";
import { findChangedRecords } from "./verify-records.ts";
import { findBrokenLinks } from "./verify-links.ts";
import type { LedgerEntry } from "./verify-types.ts";

const PAGE = 500;

/**
 * Writes a signed checkpoint for the current head, if records were added since the last one.
 * Refuses (throws) when the records since the last checkpoint do not verify: a broken chain is never signed.
 */
export async function sealLedger(db: D1Database, signer: LedgerSigner, now = new Date()): Promise<Checkpoint | null> {
  const last = await db.prepare("SELECT * FROM ledger_checkpoints ORDER BY seq DESC LIMIT 1").first<CheckpointRow>();
  const from = last ? rowToCheckpoint(last) : null;
  const entries = await readEntriesAfter(db, from?.seq ?? 0);
  const head = entries[entries.length - 1];
  if (!head) return null;
  const anchor = from ? { seq: from.seq, hash: from.headHash } : { seq: 0, hash: GENESIS_HASH };
  const problems = [...(await findChangedRecords(entries)), ...findBrokenLinks(entries, anchor)];
  if (problems.length > 0) throw new Error(`ledger does not verify, not sealing: ${problems[0]!.message}`);
  const checkpoint = await signer.sign({ seq: head.seq, headHash: head.hash, signedAt: now.toISOString() });
  // Another isolate may have sealed the same head a moment ago: that checkpoint is as good as ours.
  await db
    .prepare("INSERT OR IGNORE INTO ledger_checkpoints (seq, head_hash, signed_at, key_id, signature) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(checkpoint.seq, checkpoint.headHash, checkpoint.signedAt, checkpoint.keyId, checkpoint.signature)
    .run();
  return checkpoint;
}

async function readEntriesAfter(db: D1Database, seq: number): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (let after = seq; ; ) {
    const { results } = await db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM consent_records WHERE seq > ?1 ORDER BY seq LIMIT ${PAGE}`)
      .bind(after)
      .all<RecordRow>();
    for (const row of results) {
      const record = rowToRecord(row);
      entries.push({ line: record.seq, seq: record.seq, eventId: record.eventId, prevHash: record.prevHash, hash: record.hash, record });
    }
    if (results.length < PAGE) return entries;
    after = results[results.length - 1]!.seq;
  }
}
