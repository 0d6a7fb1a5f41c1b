// The D1 adapter of the log: the only module that knows the SQL for records, texts, tree nodes
// and heads.
import { sortedCategories } from "./canonical-record.ts";
import type { KnownRecord, LogState } from "./log-batch.ts";
import { type NodeRef, type TreeNode, frontierOf } from "./merkle-tree.ts";
import type { LogRecord, RecordBody, TreeHead } from "./record-types.ts";

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
  shown_hash: string | null;
};

export type HeadRow = {
  tree_size: number;
  root: string;
  signed_at: string;
  key_id: string;
  signature: string;
};

export type TextsToArchive = { hash: string; policyVersion: string; locale: string; texts: string };

export const RECORD_COLUMNS =
  "seq, event_id, consent_id, recorded_at, action, method, signals, categories, locale, policy_version, texts_hash, shown_hash";

/**
 * The log's size, frontier and latest record time, as D1 holds them: what the writer starts from.
 */
export async function readLogState(db: D1Database): Promise<LogState> {
  const [sizeRow, timeRow] = await db.batch<{ size: number | null; at: string | null }>([
    db.prepare("SELECT MAX(idx) + 1 AS size FROM ledger_nodes WHERE level = 0"),
    // Two MAX() over indexes: O(log n) however large the log.
    db.prepare(
      "SELECT MAX(at) AS at FROM (SELECT MAX(recorded_at) AS at FROM consent_records UNION ALL SELECT MAX(recorded_at) FROM ledger_redactions)",
    ),
  ]);
  const size = sizeRow!.results[0]?.size ?? 0;
  const frontier = await readNodes(db, frontierOf(size));
  return { size, frontier, lastRecordedAt: timeRow!.results[0]?.at ?? null };
}

/**
 * Stored nodes by reference, in the order asked; throws when one is missing (the tree
 * is incomplete).
 */
export async function readNodes(db: D1Database, refs: readonly NodeRef[]): Promise<TreeNode[]> {
  if (refs.length === 0) return [];
  const found = new Map<string, string>();
  // D1 binds at most 100 parameters: the references travel as one JSON array.
  for (let i = 0; i < refs.length; i += 2000) {
    const slice = refs.slice(i, i + 2000).map((r) => [r.level, r.index]);
    const { results } = await db
      .prepare(
        `SELECT n.level AS level, n.idx AS idx, n.hash AS hash FROM json_each(?1) AS j
         JOIN ledger_nodes n ON n.level = json_extract(j.value, '$[0]') AND n.idx = json_extract(j.value, '$[1]')`,
      )
      .bind(JSON.stringify(slice))
      .all<{ level: number; idx: number; hash: string }>();
    for (const r of results) found.set(`${r.level}:${r.idx}`, r.hash);
  }
  return refs.map((r) => {
    const hash = found.get(`${r.level}:${r.index}`);
    if (!hash)
      throw new Error(`ledger_nodes lacks node ${r.level}:${r.index}: the tree is incomplete`);
    return { ...r, hash };
  });
}

/** Records carrying these event ids, each with whether a later record of its consent id exists. */
export async function readKnownEvents(
  db: D1Database,
  eventIds: readonly string[],
): Promise<Map<string, KnownRecord>> {
  const { results } = await db
    .prepare(
      `SELECT ${RECORD_COLUMNS.split(", ")
        .map((c) => `r.${c}`)
        .join(", ")},
              NOT EXISTS (SELECT 1 FROM consent_records l WHERE l.consent_id = r.consent_id AND l.seq > r.seq) AS latest
       FROM consent_records r WHERE r.event_id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(eventIds))
    .all<RecordRow & { latest: number }>();
  return new Map(
    results.map((row) => [row.event_id, { record: rowToRecord(row), latest: row.latest === 1 }]),
  );
}

/**
 * The statements of one batch, to run in one db.batch: texts, records, nodes (leaves first, in
 * order), head.
 */
export function batchStatements(
  db: D1Database,
  records: readonly LogRecord[],
  texts: readonly TextsToArchive[],
  nodes: readonly TreeNode[],
  head: TreeHead | null,
): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  if (records.length > 0) {
    statements.push(
      db
        .prepare(
          `INSERT OR IGNORE INTO consent_texts (texts_hash, policy_version, locale, texts, first_recorded_at)
           SELECT json_extract(value, '$.hash'), json_extract(value, '$.policyVersion'), json_extract(value, '$.locale'),
                  json_extract(value, '$.texts'), ?2
           FROM json_each(?1)`,
        )
        .bind(JSON.stringify(texts), records[0]!.recordedAt),
      db
        .prepare(
          `INSERT INTO consent_records (${RECORD_COLUMNS})
           SELECT ${Array.from({ length: 12 }, (_, i) => `json_extract(value, '$[${i}]')`).join(", ")} FROM json_each(?1)`,
        )
        .bind(JSON.stringify(records.map(recordToRow))),
      db
        .prepare(
          "INSERT INTO ledger_nodes (level, idx, hash) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?1)",
        )
        .bind(
          JSON.stringify(
            [...nodes]
              .sort((a, b) => a.level - b.level || a.index - b.index)
              .map((n) => [n.level, n.index, n.hash]),
          ),
        ),
    );
  }
  if (head) statements.push(headStatement(db, head));
  return statements;
}

export function headStatement(db: D1Database, head: TreeHead): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO ledger_heads (tree_size, root, signed_at, key_id, signature) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(head.size, head.root, head.timestamp, head.keyId, head.signature);
}

/** The latest signed head (the newest of the largest size). */
export async function readLatestHead(db: D1Database): Promise<TreeHead | null> {
  const row = await db
    .prepare("SELECT * FROM ledger_heads ORDER BY tree_size DESC, id DESC LIMIT 1")
    .first<HeadRow>();
  return row ? rowToHead(row) : null;
}

export function rowToHead(row: HeadRow): TreeHead {
  return {
    size: row.tree_size,
    root: row.root,
    timestamp: row.signed_at,
    keyId: row.key_id,
    signature: row.signature,
  };
}

/** Row values in RECORD_COLUMNS order; JSON columns hold canonical JSON text. */
function recordToRow(r: RecordBody): (string | number | null)[] {
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
    r.shownHash ?? null,
  ];
}

export function rowToRecord(row: RecordRow): RecordBody {
  return {
    seq: row.seq,
    recordedAt: row.recorded_at,
    eventId: row.event_id,
    consentId: row.consent_id,
    action: row.action as RecordBody["action"],
    method: row.method as RecordBody["method"],
    signals: JSON.parse(row.signals) as RecordBody["signals"],
    categories: JSON.parse(row.categories) as RecordBody["categories"],
    locale: row.locale as RecordBody["locale"],
    policyVersion: row.policy_version,
    textsHash: row.texts_hash,
    ...(row.shown_hash ? { shownHash: row.shown_hash } : {}),
  };
}
