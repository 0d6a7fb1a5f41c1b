// The export file formats (CSV, NDJSON, JSON): pure serializers, shared by the admin API and the
// CLI. Each file carries its tree head first, then every entry with its inclusion proof, then
// the manifest.
import { sortedCategories } from "./canonical-record.ts";
import type { RecordFilter } from "./filter.ts";
import type { Manifest } from "./manifest.ts";
import type { TreeHead } from "./record-types.ts";
import type { Consistency, ExportEntry, ExportScope } from "./verify-types.ts";

/**
 * `csv` is RFC 4180 (`,`, CRLF, UTF-8 without BOM) for tools. `csv-excel` is the same table for
 * Excel with Italian (or any `;`-list-separator) regional settings, which opens `,` files as one
 * column: `;` between cells, a UTF-8 BOM so accents survive, CRLF. The verifier reads both.
 */
export const EXPORT_FORMATS = ["csv", "csv-excel", "ndjson", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPE = "far-volare-consent-ledger";
export const EXPORT_VERSION = 2;

export type ExportHeader = {
  type: typeof EXPORT_TYPE;
  version: typeof EXPORT_VERSION;
  generatedAt: string;
  scope: ExportScope;
  filter: RecordFilter;
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  "csv-excel": "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/**
 * CSV columns: one row per leaf (`record` or `redacted`) with its proof columns (`leafHash`,
 * `treeSize`, `proof`: the audit path, space-separated), plus `granted`/`denied` for spreadsheets;
 * the signed statements (`tree_head`, `consistency`, `manifest`) are rows of their own, their JSON
 * in `statement`.
 */
export const CSV_COLUMNS = [
  "type",
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
  "shownHash",
  "leafHash",
  "treeSize",
  "proof",
  "redactedAt",
  "reason",
  "statement",
] as const;

export type ExportEnd = { consistency: Consistency | null; manifest: Manifest | null };

export type ExportSerializer = {
  start(head: TreeHead | null): string;
  entry(e: ExportEntry, index: number): string;
  end(end: ExportEnd): string;
};

/** The JSON object of one entry, as an NDJSON line and a JSON array item show it. */
export function entryObject(e: ExportEntry): Record<string, unknown> {
  if (e.type === "record")
    return { type: "record", ...e.record, treeSize: e.treeSize, proof: e.proof };
  return { type: "redacted", ...e.redaction, treeSize: e.treeSize, proof: e.proof };
}

export function exportSerializer(format: ExportFormat, header: ExportHeader): ExportSerializer {
  switch (format) {
    case "csv":
    case "csv-excel": {
      const d = format === "csv" ? "," : ";";
      return {
        start: (head) =>
          `${format === "csv" ? "" : "\uFEFF"}${CSV_COLUMNS.join(d)}\r\n${head ? statementRow("tree_head", head, d) : ""}`,
        entry: (e) => `${csvRow(e, d)}\r\n`,
        end: ({ consistency, manifest }) =>
          (consistency ? statementRow("consistency", consistency, d) : "") +
          (manifest ? statementRow("manifest", manifest, d) : ""),
      };
    }
    case "ndjson":
      return {
        start: (head) =>
          `${JSON.stringify(header)}\n${head ? `${JSON.stringify({ type: "tree_head", ...head })}\n` : ""}`,
        entry: (e) => `${JSON.stringify(entryObject(e))}\n`,
        end: ({ consistency, manifest }) =>
          (consistency ? `${JSON.stringify({ type: "consistency", ...consistency })}\n` : "") +
          (manifest ? `${JSON.stringify({ type: "manifest", ...manifest })}\n` : ""),
      };
    case "json":
      return {
        start: (head) =>
          `{"export":${JSON.stringify(header)},\n"head":${JSON.stringify(head)},\n"entries":[`,
        entry: (e, i) => `${i === 0 ? "\n" : ",\n"}${JSON.stringify(entryObject(e))}`,
        end: ({ consistency, manifest }) =>
          `\n],\n"consistency":${JSON.stringify(consistency)},\n"manifest":${JSON.stringify(manifest)}}\n`,
      };
  }
}

type Column = (typeof CSV_COLUMNS)[number];

function statementRow(type: string, statement: object, d: string): string {
  return `${CSV_COLUMNS.map((c) => (c === "type" ? type : c === "statement" ? csvCell(JSON.stringify(statement), d) : "")).join(d)}\r\n`;
}

function csvRow(e: ExportEntry, d: string): string {
  const values: Partial<Record<Column, string>> = {
    type: e.type,
    treeSize: String(e.treeSize),
    proof: e.proof.join(" "),
  };
  if (e.type === "redacted") {
    const r = e.redaction;
    Object.assign(values, {
      seq: String(r.seq),
      recordedAt: r.recordedAt,
      leafHash: r.leafHash,
      redactedAt: r.redactedAt,
      reason: r.reason,
    });
  } else {
    const r = e.record;
    const categories = sortedCategories(r.categories);
    const names = (granted: boolean) =>
      Object.keys(categories)
        .filter((k) => categories[k] === granted)
        .join(" ");
    Object.assign(values, {
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
      shownHash: r.shownHash ?? "",
      leafHash: r.leafHash,
    });
  }
  return CSV_COLUMNS.map((c) => csvCell(values[c] ?? "", d)).join(d);
}

/**
 * One CSV cell, safe to open in a spreadsheet: a value that would start a formula (= + - @, tab,
 * CR) gets a leading apostrophe (OWASP's advice; `csvValue` removes it), and quotes are added where
 * CSV needs them.
 */
export function csvCell(value: string, delimiter = ","): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The value a csvCell was made from (after CSV unquoting). */
export function csvValue(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * A file name for an export: `consent-ledger_2025-01-01_2025-01-31.csv` (`…_excel.csv` for
 * Excel's CSV).
 */
export function exportFileName(filter: RecordFilter, format: ExportFormat): string {
  const from = filter.from?.slice(0, 10) ?? "start";
  const to = filter.to?.slice(0, 10) ?? "now";
  return format === "csv-excel"
    ? `consent-ledger_${from}_${to}_excel.csv`
    : `consent-ledger_${from}_${to}.${format}`;
}
