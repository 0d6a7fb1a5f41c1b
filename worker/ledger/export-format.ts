// The export file formats (CSV, NDJSON, JSON): pure serializers, shared by the admin API and the CLI.
import { sortedCategories } from "./canonical.ts";
import type { RecordFilter } from "./filter.ts";
import type { Checkpoint, StoredRecord } from "./record.ts";
import type { ExportScope } from "./verify-types.ts";

export const EXPORT_FORMATS = ["csv", "ndjson", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPE = "far-volare-consent-ledger";

export type ExportHeader = { type: typeof EXPORT_TYPE; version: 1; generatedAt: string; scope: ExportScope; filter: RecordFilter };

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** CSV columns: the record's fields, plus `granted`/`denied` for people reading it in a spreadsheet. */
export const CSV_COLUMNS = [
  "seq",
  "recordedAt",
  "eventId",
  "consentId",
  "action",
  "method",
  "signals",
  "granted",
  "denied",
  "locale",
  "policyVersion",
  "categories",
  "textsHash",
  "prevHash",
  "hash",
] as const;

export type ExportSerializer = {
  start(): string;
  record(r: StoredRecord, index: number): string;
  end(checkpoints: readonly Checkpoint[]): string;
};

/** The pieces of an export file, in order: start, every record, end (CSV carries no checkpoints). */
export function exportSerializer(format: ExportFormat, header: ExportHeader): ExportSerializer {
  switch (format) {
    case "csv":
      return { start: () => `${CSV_COLUMNS.join(",")}\r\n`, record: (r) => `${csvRow(r)}\r\n`, end: () => "" };
    case "ndjson":
      return {
        start: () => `${JSON.stringify(header)}\n`,
        record: (r) => `${JSON.stringify({ type: "record", ...r })}\n`,
        end: (cps) => cps.map((c) => `${JSON.stringify({ type: "checkpoint", ...c })}\n`).join(""),
      };
    case "json":
      return {
        start: () => `{"export":${JSON.stringify(header)},"records":[`,
        record: (r, i) => `${i === 0 ? "\n" : ",\n"}${JSON.stringify(r)}`,
        end: (cps) => `\n],"checkpoints":${JSON.stringify(cps)}}\n`,
      };
  }
}

function csvRow(r: StoredRecord): string {
  const categories = sortedCategories(r.categories);
  const names = (granted: boolean) => Object.keys(categories).filter((k) => categories[k] === granted).join(" ");
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    seq: String(r.seq),
    recordedAt: r.recordedAt,
    eventId: r.eventId,
    consentId: r.consentId,
    action: r.action,
    method: r.method,
    signals: [...r.signals].sort().join(" "),
    granted: names(true),
    denied: names(false),
    locale: r.locale,
    policyVersion: r.policyVersion,
    categories: JSON.stringify(categories),
    textsHash: r.textsHash,
    prevHash: r.prevHash,
    hash: r.hash,
  };
  return CSV_COLUMNS.map((c) => csvCell(values[c])).join(",");
}

/**
 * One CSV cell, safe to open in a spreadsheet: a value that would start a formula (= + - @, tab, CR) gets a
 * leading apostrophe (OWASP's advice; `csvValue` removes it), and quotes are added where CSV needs them.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The value a csvCell was made from (after CSV unquoting). */
export function csvValue(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A file name for an export: `consent-ledger_2025-01-01_2025-01-31.csv`. */
export function exportFileName(filter: RecordFilter, format: ExportFormat): string {
  const from = filter.from?.slice(0, 10) ?? "start";
  // `to` is exclusive: the last day included is the one before.
  const to = filter.to ? new Date(Date.parse(filter.to) - 1).toISOString().slice(0, 10) : "now";
  return `consent-ledger_${from}_${to}.${format}`;
}
