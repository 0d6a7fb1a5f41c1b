// The dashboard's reads, in one D1 round trip.
import { type RecordFilter, filterSql } from "../ledger/filter.ts";
import { type HeadRow, type RecordRow, RECORD_COLUMNS } from "../ledger/log-store.ts";
import type { AccessLogRow, RefusalRow } from "./access-log.ts";

export const LATEST_ROWS = 50;
export const HISTORY_ROWS = 1000;
export const ACCESS_ROWS = 20;
/** Two days of refusal counts at a few reasons an hour. */
export const REFUSAL_ROWS = 48;

export type DashboardData = {
  totals: { records: number; consents: number };
  byDayAction: { day: string; action: string; n: number }[];
  byDayCategory: { day: string; category: string; granted: number; total: number }[];
  latest: RecordRow[];
  history: RecordRow[] | null;
  chain: {
    records: number;
    first_seq: number | null;
    head_seq: number | null;
    head_at: string | null;
  };
  lastCheckpoint: HeadRow | null;
  lastPurge: { purged_at: string; through_seq: number; records: number } | null;
  texts: {
    texts_hash: string;
    policy_version: string;
    locale: string;
    first_recorded_at: string;
  }[];
  access: AccessLogRow[];
  refusals: RefusalRow[];
};

/**
 * Everything `/admin/` shows for a filter; a consent id's full history ignores the date, action and
 * version filters.
 */
export async function loadDashboard(db: D1Database, filter: RecordFilter): Promise<DashboardData> {
  const { consentId } = filter;
  const where = filterSql(filter);
  const q = (sql: string, params: (string | number)[] = []) => db.prepare(sql).bind(...params);
  const results = await db.batch<unknown>([
    q(
      `SELECT COUNT(*) AS records, COUNT(DISTINCT consent_id) AS consents FROM consent_records ${where.sql}`,
      where.params,
    ),
    q(
      `SELECT substr(recorded_at, 1, 10) AS day, action, COUNT(*) AS n FROM consent_records ${where.sql} GROUP BY day, action ORDER BY day`,
      where.params,
    ),
    q(
      `SELECT substr(recorded_at, 1, 10) AS day, j.key AS category, SUM(j.value) AS granted, COUNT(*) AS total
       FROM consent_records, json_each(consent_records.categories) AS j ${where.sql} GROUP BY day, category ORDER BY day`,
      where.params,
    ),
    q(
      `SELECT ${RECORD_COLUMNS} FROM consent_records ${where.sql} ORDER BY seq DESC LIMIT ${LATEST_ROWS}`,
      where.params,
    ),
    q(
      `SELECT ${RECORD_COLUMNS} FROM consent_records WHERE consent_id = ? ORDER BY seq LIMIT ${HISTORY_ROWS}`,
      [consentId ?? ""],
    ),
    q(
      "SELECT COUNT(*) AS records, MIN(seq) AS first_seq, MAX(seq) AS head_seq, MAX(recorded_at) AS head_at FROM consent_records",
    ),
    q("SELECT * FROM ledger_heads ORDER BY tree_size DESC, id DESC LIMIT 1"),
    q("SELECT purged_at, through_seq, records FROM ledger_purges ORDER BY id DESC LIMIT 1"),
    q(
      "SELECT texts_hash, policy_version, locale, first_recorded_at FROM consent_texts ORDER BY policy_version, locale, first_recorded_at",
    ),
    // Real accesses only: refusals are counted apart (and rows of older versions may remain).
    q(`SELECT * FROM admin_access WHERE kind <> 'refused' ORDER BY id DESC LIMIT ${ACCESS_ROWS}`),
    q(`SELECT * FROM admin_refusals ORDER BY hour DESC, count DESC LIMIT ${REFUSAL_ROWS}`),
  ]);
  const rows = <T>(i: number) => results[i]!.results as T[];
  return {
    totals: rows<DashboardData["totals"]>(0)[0]!,
    byDayAction: rows(1),
    byDayCategory: rows(2),
    latest: rows(3),
    history: consentId ? rows(4) : null,
    chain: rows<DashboardData["chain"]>(5)[0]!,
    lastCheckpoint: rows<HeadRow>(6)[0] ?? null,
    lastPurge: rows<DashboardData["lastPurge"]>(7)[0] ?? null,
    texts: rows(8),
    access: rows(9),
    refusals: rows(10),
  };
}
