// Parsing the admin query string (dashboard filters and export parameters) at the boundary,
// with zod.
import * as z from "zod/mini";
import { HttpError } from "../http/errors.ts";
import { EXPORT_FORMATS, type ExportFormat } from "../ledger/export-format.ts";
import type { RecordFilter } from "../ledger/filter.ts";
import { Action, LedgerId, PolicyVersion, describeIssue } from "../ledger/record.ts";

/** The days a bound may name: what a record's four-digit-year timestamp can hold. */
export const FIRST_DAY = "1970-01-01";
export const LAST_DAY = "9999-12-31";

const Day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"),
  z.refine(
    (d) => !Number.isNaN(Date.parse(d)) && new Date(Date.parse(d)).toISOString().startsWith(d),
    "must be a real calendar date",
  ),
  z.refine((d) => d >= FIRST_DAY && d <= LAST_DAY, `must be between ${FIRST_DAY} and ${LAST_DAY}`),
);

export const RecordQuery = z.object({
  from: z.optional(Day),
  to: z.optional(Day),
  consent_id: z.optional(LedgerId),
  action: z.optional(Action),
  policy_version: z.optional(PolicyVersion),
  format: z.optional(z.enum(EXPORT_FORMATS)),
  /**
   * Adds a consistency proof from a tree of this size (a head kept earlier) to the export's head.
   */
  since_size: z.optional(
    z.string().check(z.regex(/^[1-9]\d{0,14}$/, "must be a tree size (a whole number from 1)")),
  ),
});
export type RecordQuery = z.infer<typeof RecordQuery>;

export type ParsedQuery = {
  query: RecordQuery;
  filter: RecordFilter;
  format: ExportFormat;
  sinceSize?: number;
};

/**
 * The query's filter (dates as whole UTC days, `to` included) and format; a 400 naming the bad
 * parameter otherwise.
 */
export function parseRecordQuery(params: URLSearchParams): ParsedQuery {
  // Empty form fields mean "no filter".
  const present = Object.fromEntries(
    [...params].filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, v.trim()]),
  );
  const parsed = RecordQuery.safeParse(present);
  if (!parsed.success) throw new HttpError(400, `Invalid query: ${describeIssue(parsed.error)}`);
  const query = parsed.data;
  if (query.from && query.to && query.from > query.to)
    throw new HttpError(400, "Invalid query: from is after to");
  return {
    query,
    filter: filterOf(query),
    format: query.format ?? "json",
    ...(query.since_size && { sinceSize: Number(query.since_size) }),
  };
}

/**
 * Whole UTC days, compared as instants in the records' own format: `to` ends at its day's
 * last millisecond.
 */
export function filterOf(q: RecordQuery): RecordFilter {
  return {
    ...(q.from && { from: `${q.from}T00:00:00.000Z` }),
    ...(q.to && { to: `${q.to}T23:59:59.999Z` }),
    ...(q.consent_id && { consentId: q.consent_id }),
    ...(q.action && { action: q.action }),
    ...(q.policy_version && { policyVersion: q.policy_version }),
  };
}

/** The same query as URL parameters (for export links), without the format unless given. */
export function queryString(q: RecordQuery, format?: ExportFormat): string {
  const entries = Object.entries({ ...q, format: format ?? q.format }).filter(
    (e): e is [string, string] => typeof e[1] === "string",
  );
  return new URLSearchParams(entries).toString();
}
