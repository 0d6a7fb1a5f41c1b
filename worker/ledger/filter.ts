// Which records a query or export selects, and the SQL for it. Pure.
import type { Action } from "./record.ts";
import type { ExportScope } from "./verify-types.ts";

export type RecordFilter = {
  /** Inclusive UTC instant (ISO 8601). */
  from?: string;
  /** Exclusive UTC instant (ISO 8601). */
  to?: string;
  consentId?: string;
  action?: Action;
  policyVersion?: string;
};

export type SqlFragment = { sql: string; params: (string | number)[] };

/** A WHERE clause (possibly empty) with anonymous `?` parameters, over consent_records. */
export function filterSql(f: RecordFilter): SqlFragment {
  const parts: [string, string | undefined][] = [
    ["recorded_at >= ?", f.from],
    ["recorded_at < ?", f.to],
    ["consent_id = ?", f.consentId],
    ["action = ?", f.action],
    ["policy_version = ?", f.policyVersion],
  ];
  const used = parts.filter((p): p is [string, string] => p[1] !== undefined);
  return { sql: used.length ? `WHERE ${used.map(([c]) => c).join(" AND ")}` : "", params: used.map(([, v]) => v) };
}

/**
 * What an export of this filter can prove. Time never decreases along the chain, so a date range is a contiguous
 * run of records; selecting by consent id, action or version leaves gaps.
 */
export function scopeOf(f: RecordFilter): ExportScope {
  if (f.consentId || f.action || f.policyVersion) return "filtered";
  return f.from || f.to ? "range" : "complete";
}
