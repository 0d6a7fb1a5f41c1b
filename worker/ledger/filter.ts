// Which records a query or export selects, and the SQL for it. Pure.
import type { Action } from "../../content/ledger-vocabulary.ts";
import type { ExportScope } from "./record-types.ts";

export type RecordFilter = {
  /** Inclusive UTC instant (ISO 8601). */
  from?: string;
  /**
   * Inclusive UTC instant (ISO 8601 with milliseconds, like recordedAt, so text order is
   * time order).
   */
  to?: string;
  consentId?: string;
  action?: Action;
  policyVersion?: string;
};

export type SqlFragment = { sql: string; params: (string | number)[] };

/** A WHERE clause (possibly empty) with anonymous `?` parameters, over consent_records. */
export function filterSql(f: RecordFilter): SqlFragment {
  return where([
    ["recorded_at >= ?", f.from],
    ["recorded_at <= ?", f.to],
    ["consent_id = ?", f.consentId],
    ["action = ?", f.action],
    ["policy_version = ?", f.policyVersion],
  ]);
}

/**
 * The same selection over ledger_redactions: a redacted leaf keeps its time, and an erased one the
 * hash of its consent id; it has no action or version any more, so a filter on those selects none.
 * null: none selected.
 */
export function redactionFilterSql(f: RecordFilter, consentIdHash?: string): SqlFragment | null {
  if (f.action || f.policyVersion) return null;
  return where([
    ["recorded_at >= ?", f.from],
    ["recorded_at <= ?", f.to],
    ["consent_id_hash = ?", f.consentId ? consentIdHash : undefined],
  ]);
}

function where(parts: [string, string | undefined][]): SqlFragment {
  const used = parts.filter((p): p is [string, string] => p[1] !== undefined);
  return {
    sql: used.length ? `WHERE ${used.map(([c]) => c).join(" AND ")}` : "",
    params: used.map(([, v]) => v),
  };
}

/** What an export of this filter is: every leaf, a contiguous date range, or a selection. */
export function scopeOf(f: RecordFilter): ExportScope {
  if (f.consentId || f.action || f.policyVersion) return "filtered";
  return f.from || f.to ? "range" : "complete";
}
