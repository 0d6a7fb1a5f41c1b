// Erasure (GDPR art. 17) of one data subject: their record bodies are deleted, their leaves kept
// and noted as redacted, with a hash of the consent id so the receipt route can say what was erased
// and when. One atomic batch.
import { sha256Hex } from "../../lib/bytes.ts";

export type Erasure = { consentId: string; erasedAt: string; seqs: number[] };

export async function eraseSubject(
  db: D1Database,
  consentId: string,
  now = new Date(),
): Promise<Erasure> {
  const at = now.toISOString();
  const [noted] = await db.batch<{ seq: number }>([
    db
      .prepare(
        `INSERT INTO ledger_redactions (seq, recorded_at, redacted_at, reason, consent_id_hash)
         SELECT seq, recorded_at, ?2, 'erasure', ?3 FROM consent_records WHERE consent_id = ?1 RETURNING seq`,
      )
      .bind(consentId, at, await sha256Hex(consentId)),
    db.prepare("DELETE FROM consent_records WHERE consent_id = ?1").bind(consentId),
  ]);
  return { consentId, erasedAt: at, seqs: noted!.results.map((r) => r.seq).sort((a, b) => a - b) };
}

/** What was erased for a consent id, for the subject's receipt: the leaves and when. */
export async function findErasure(
  db: D1Database,
  consentId: string,
): Promise<{ seqs: number[]; erasedAt: string } | null> {
  const { results } = await db
    .prepare(
      "SELECT seq, redacted_at FROM ledger_redactions WHERE consent_id_hash = ?1 AND reason = 'erasure' ORDER BY seq",
    )
    .bind(await sha256Hex(consentId))
    .all<{ seq: number; redacted_at: string }>();
  if (results.length === 0) return null;
  return {
    seqs: results.map((r) => r.seq),
    erasedAt: results
      .map((r) => r.redacted_at)
      .sort()
      .at(-1)!,
  };
}
