// Exports as a sequence of text chunks, read page by page (keyset pagination on seq) through any query runner:
// D1 in the Worker, `wrangler d1 execute` in the CLI.
import { type ExportFormat, type ExportHeader, EXPORT_TYPE, exportSerializer } from "./export-format.ts";
import { type RecordFilter, filterSql, scopeOf } from "./filter.ts";
import { type CheckpointRow, type RecordRow, RECORD_COLUMNS, rowToCheckpoint, rowToRecord } from "./store.ts";

export type QueryRunner = <T>(sql: string, params: (string | number)[]) => Promise<T[]>;

export const EXPORT_PAGE = 500;

/** The export file for `filter`, chunk by chunk, with the checkpoints that cover its records (JSON and NDJSON). */
export async function* exportChunks(run: QueryRunner, filter: RecordFilter, format: ExportFormat, now = new Date()): AsyncGenerator<string> {
  const header: ExportHeader = { type: EXPORT_TYPE, version: 1, generatedAt: now.toISOString(), scope: scopeOf(filter), filter };
  const out = exportSerializer(format, header);
  yield out.start();
  const where = filterSql(filter);
  const sql = `SELECT ${RECORD_COLUMNS} FROM consent_records ${where.sql ? `${where.sql} AND` : "WHERE"} seq > ? ORDER BY seq LIMIT ${EXPORT_PAGE}`;
  let count = 0;
  let first: number | undefined;
  let last = 0;
  for (let after = 0; ; ) {
    const rows = await run<RecordRow>(sql, [...where.params, after]);
    let chunk = "";
    for (const row of rows) chunk += out.record(rowToRecord(row), count++);
    if (rows.length > 0) {
      first ??= rows[0]!.seq;
      last = after = rows[rows.length - 1]!.seq;
      yield chunk;
    }
    if (rows.length < EXPORT_PAGE) break;
  }
  const checkpoints =
    first === undefined
      ? []
      : await run<CheckpointRow>("SELECT * FROM ledger_checkpoints WHERE seq BETWEEN ? AND ? ORDER BY seq", [first - 1, last]);
  yield out.end(checkpoints.map(rowToCheckpoint));
}

/** A QueryRunner over a D1 binding. */
export function d1Runner(db: D1Database): QueryRunner {
  return async <T>(sql: string, params: (string | number)[]) => (await db.prepare(sql).bind(...params).all<T>()).results;
}
