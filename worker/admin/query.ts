// Parsing the admin query string (dashboard filters and export parameters) at the boundary, with zod.
import * as z from "zod/mini";
import { HttpError } from "../http/errors.ts";
import { EXPORT_FORMATS, type ExportFormat } from "../ledger/export-format.ts";
import type { RecordFilter } from "../ledger/filter.ts";
import { Action, LedgerId, PolicyVersion, describeIssue } from "../ledger/record.ts";

const DAY_MS = 86_400_000;

const Day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"),
  z.refine((d) => !Number.isNaN(Date.parse(d)) && new Date(Date.parse(d)).toISOString().startsWith(d), "must be a real calendar date"),
);

export const RecordQuery = z.object({
  from: z.optional(Day),
  to: z.optional(Day),
  consent_id: z.optional(LedgerId),
  action: z.optional(Action),
  policy_version: z.optional(PolicyVersion),
  format: z.optional(z.enum(EXPORT_FORMATS)),
});
export type RecordQuery = z.infer<typeof RecordQuery>;

export type ParsedQuery = { query: RecordQuery; filter: RecordFilter; format: ExportFormat };

/** The query's filter (dates as whole UTC days, `to` included) and format; a 400 naming the bad parameter otherwise. */
export function parseRecordQuery(params: URLSearchParams): ParsedQuery {
  // Empty form fields mean "no filter".
  const present = Object.fromEntries([...params].filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, v.trim()]));
  const parsed = RecordQuery.safeParse(present);
  if (!parsed.success) throw new HttpError(400, `Invalid query: ${describeIssue(parsed.error)}`);
  const query = parsed.data;
  if (query.from && query.to && query.from > query.to) throw new HttpError(400, "Invalid query: from is after to");
  return { query, filter: filterOf(query), format: query.format ?? "json" };
}

export function filterOf(q: RecordQuery): RecordFilter {
  return {
    ...(q.from && { from: `${q.from}T00:00:00.000Z` }),
    ...(q.to && { to: new Date(Date.parse(q.to) + DAY_MS).toISOString() }),
    ...(q.consent_id && { consentId: q.consent_id }),
    ...(q.action && { action: q.action }),
    ...(q.policy_version && { policyVersion: q.policy_version }),
  };
}

/** The same query as URL parameters (for export links), without the format unless given. */
export function queryString(q: RecordQuery, format?: ExportFormat): string {
  const entries = Object.entries({ ...q, format: format ?? q.format }).filter((e): e is [string, string] => typeof e[1] === "string");
  return new URLSearchParams(entries).toString();
}
