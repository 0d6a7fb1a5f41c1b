// The D1 adapter: the only module that knows the ledger's SQL for records, texts and the chain head.
import { sortedCategories } from "./canonical.ts";
import type { Checkpoint, StoredRecord } from "./record.ts";

export type RecordRow = {
  seq: number;
  event_id: string;
  consent_id: string;
  recorded_at: string;
  action: string;
  method: string;
  signals: string;
  categories: string;
  locale: string;
  policy_version: string;
  texts_hash: string;
  prev_hash: string;
  hash: string;
};

export type CheckpointRow = { seq: number; head_hash: string; signed_at: string; key_id: string; signature: string };

/** The end of the chain: the last record, or the last checkpoint when retention purged every record. */
export type ChainHead = { seq: number; hash: string; at: string };

export type TextsToArchive = { hash: string; policyVersion: string; locale: string; texts: string };

export const RECORD_COLUMNS =
  "seq, event_id, consent_id, recorded_at, action, method, signals, categories, locale, policy_version, texts_hash, prev_hash, hash";

const HEAD_SQL = `
  SELECT seq, hash, at FROM (SELECT seq, hash, recorded_at AS at FROM consent_records ORDER BY seq DESC LIMIT 1)
  UNION ALL
  SELECT seq, hash, at FROM (SELECT seq, head_hash AS hash, signed_at AS at FROM ledger_checkpoints ORDER BY seq DESC LIMIT 1)
  ORDER BY seq DESC LIMIT 1`;

/** One round trip: the chain head and the records that already carry any of these event ids. */
export async function readHeadAndEvents(db: D1Database, eventIds: readonly string[]): Promise<{ head: ChainHead | null; existing: StoredRecord[] }> {
  const [head, existing] = await db.batch<unknown>([
    db.prepare(HEAD_SQL),
    db.prepare(`SELECT ${RECORD_COLUMNS} FROM consent_records WHERE event_id IN (SELECT value FROM json_each(?1))`).bind(JSON.stringify(eventIds)),
  ]);
  return {
    head: (head!.results[0] as ChainHead | undefined) ?? null,
    existing: (existing!.results as RecordRow[]).map(rowToRecord),
  };
}

/** The statements that append records (and archive texts first, for the foreign key); run them in one batch. */
export function appendStatements(db: D1Database, records: readonly StoredRecord[], texts: readonly TextsToArchive[]): D1PreparedStatement[] {
  const firstAt = records[0]?.recordedAt ?? new Date(0).toISOString();
  return [
    db
      .prepare(
        `INSERT OR IGNORE INTO consent_texts (texts_hash, policy_version, locale, texts, first_recorded_at)
         SELECT json_extract(value, '$.hash'), json_extract(value, '$.policyVersion'), json_extract(value, '$.locale'),
                json_extract(value, '$.texts'), ?2
         FROM json_each(?1)`,
      )
      .bind(JSON.stringify(texts), firstAt),
    db
      .prepare(
        `INSERT INTO consent_records (${RECORD_COLUMNS})
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
                json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
                json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, '$[11]'),
                json_extract(value, '$[12]')
         FROM json_each(?1)`,
      )
      .bind(JSON.stringify(records.map(recordToRow))),
  ];
}

/** Row values in RECORD_COLUMNS order; JSON columns hold canonical JSON text. */
function recordToRow(r: StoredRecord): (string | number)[] {
  return [
    r.seq,
    r.eventId,
    r.consentId,
    r.recordedAt,
    r.action,
    r.method,
    JSON.stringify([...r.signals].sort()),
    JSON.stringify(sortedCategories(r.categories)),
    r.locale,
    r.policyVersion,
    r.textsHash,
    r.prevHash,
    r.hash,
  ];
}

export function rowToRecord(row: RecordRow): StoredRecord {
  return {
    seq: row.seq,
    recordedAt: row.recorded_at,
    eventId: row.event_id,
    consentId: row.consent_id,
    action: row.action as StoredRecord["action"],
    method: row.method as StoredRecord["method"],
    signals: JSON.parse(row.signals) as StoredRecord["signals"],
    categories: JSON.parse(row.categories) as StoredRecord["categories"],
    locale: row.locale as StoredRecord["locale"],
    policyVersion: row.policy_version,
    textsHash: row.texts_hash,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function rowToCheckpoint(row: CheckpointRow): Checkpoint {
  return { seq: row.seq, headHash: row.head_hash, signedAt: row.signed_at, keyId: row.key_id, signature: row.signature };
}
