// Retention: delete whole prefixes of the chain up to a checkpoint, so the rest still verifies from it.
const DAY_MS = 86_400_000;

export type PurgeResult = { throughSeq: number; records: number; cutoff: string } | null;

/** The instant before which records are past retention. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/**
 * Deletes the records up to the newest checkpoint whose records are all older than the cutoff, the checkpoints
 * before it (it stays, as the chain's new anchor) and admin access entries older than the cutoff. One atomic batch.
 */
export async function purgeExpired(db: D1Database, days: number, now = new Date()): Promise<PurgeResult> {
  const cutoff = retentionCutoff(now, days);
  // recorded_at never decreases along seq, so the record at the checkpoint's seq is the newest it covers.
  const anchor = await db
    .prepare(
      `SELECT c.seq AS seq FROM ledger_checkpoints c JOIN consent_records r ON r.seq = c.seq
       WHERE r.recorded_at < ?1 ORDER BY c.seq DESC LIMIT 1`,
    )
    .bind(cutoff)
    .first<{ seq: number }>();
  const at = now.toISOString();
  if (!anchor) {
    await db.prepare("DELETE FROM admin_access WHERE at < ?1").bind(cutoff).run();
    return null;
  }
  const [, deleted] = await db.batch([
    db
      .prepare("INSERT INTO ledger_purges (purged_at, through_seq, records, cutoff) SELECT ?1, ?2, COUNT(*), ?3 FROM consent_records WHERE seq <= ?2")
      .bind(at, anchor.seq, cutoff),
    db.prepare("DELETE FROM consent_records WHERE seq <= ?1").bind(anchor.seq),
    db.prepare("DELETE FROM ledger_checkpoints WHERE seq < ?1").bind(anchor.seq),
    db.prepare("DELETE FROM admin_access WHERE at < ?1").bind(cutoff),
  ]);
  return { throughSeq: anchor.seq, records: deleted!.meta.changes, cutoff };
}
