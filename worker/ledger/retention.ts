// Retention: record bodies past LEDGER_RETENTION_DAYS are deleted and their leaves kept (redacted),
// so every proof of the log still verifies; admin access entries past it are deleted too. One
// atomic batch.
const DAY_MS = 86_400_000;

export type PurgeResult = { throughSeq: number; records: number; cutoff: string } | null;

/** The instant before which records are past retention. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

export async function purgeExpired(
  db: D1Database,
  days: number,
  now = new Date(),
): Promise<PurgeResult> {
  const cutoff = retentionCutoff(now, days);
  const at = now.toISOString();
  // recorded_at never decreases along seq: what is past retention is always a prefix of the log.
  const [, purge] = await db.batch<{ through_seq: number; records: number }>([
    db
      .prepare(
        "INSERT INTO ledger_redactions (seq, recorded_at, redacted_at, reason) SELECT seq, recorded_at, ?1, 'retention' FROM consent_records WHERE recorded_at < ?2",
      )
      .bind(at, cutoff),
    db
      .prepare(
        `INSERT INTO ledger_purges (purged_at, through_seq, records, cutoff)
         SELECT ?1, MAX(seq), COUNT(*), ?2 FROM consent_records WHERE recorded_at < ?2 HAVING COUNT(*) > 0
         RETURNING through_seq, records`,
      )
      .bind(at, cutoff),
    db.prepare("DELETE FROM consent_records WHERE recorded_at < ?1").bind(cutoff),
    db.prepare("DELETE FROM admin_access WHERE at < ?1").bind(cutoff),
  ]);
  const row = purge!.results[0];
  return row ? { throughSeq: row.through_seq, records: row.records, cutoff } : null;
}
