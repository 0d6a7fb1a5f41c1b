// Reading an export file back (CSV, NDJSON or JSON) into what the verifier checks. Pure: the offline CLI and the
// tests use it. Damaged entries are kept, with what could be read, so the verifier can say where they sit.
import { csvValue, EXPORT_TYPE, type ExportHeader } from "./export-format.ts";
import { parseCsv } from "./csv.ts";
import { Checkpoint, StoredRecord, describeIssue } from "./record.ts";
import type { CheckpointEntry, ExportScope, LedgerEntry } from "./verify-types.ts";

export type ParsedExport = {
  format: "csv" | "ndjson" | "json";
  header: ExportHeader | null;
  scope: ExportScope;
  entries: LedgerEntry[];
  checkpoints: CheckpointEntry[];
  /** Lines that are neither a record nor a checkpoint (a damaged file). */
  unreadable: { line: number; reason: string }[];
};

/** Parses an export; throws when the text is not an export at all. */
export function parseExport(text: string): ParsedExport {
  const body = text.replace(/^\uFEFF/, "");
  if (body.startsWith("seq,")) return parseCsvExport(body);
  if (body.startsWith('{"export"')) return parseJsonExport(body);
  if (body.startsWith("{")) return parseNdjsonExport(body);
  throw new Error("not a consent ledger export (expected CSV, NDJSON or JSON from /admin/api/consents)");
}

function parseNdjsonExport(text: string): ParsedExport {
  const out = empty("ndjson");
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.unreadable.push({ line, reason: "not JSON" });
      return;
    }
    const { type, ...rest } = (value ?? {}) as { type?: unknown };
    if (line === 1 && type === EXPORT_TYPE) out.header = value as ExportHeader;
    else if (type === "record") out.entries.push(entryOf(line, rest));
    else if (type === "checkpoint") addCheckpoint(out, line, rest);
    else out.unreadable.push({ line, reason: "neither a record nor a checkpoint" });
  });
  return withScope(out);
}

function parseJsonExport(text: string): ParsedExport {
  const out = empty("json");
  const doc = JSON.parse(text) as { export?: ExportHeader; records?: unknown[]; checkpoints?: unknown[] };
  out.header = doc.export ?? null;
  // The API writes one record per line after the opening line; positions are reported as those lines.
  (doc.records ?? []).forEach((r, i) => out.entries.push(entryOf(i + 2, r)));
  const after = (doc.records?.length ?? 0) + 2;
  (doc.checkpoints ?? []).forEach((c, i) => addCheckpoint(out, after + i, c));
  return withScope(out);
}

function parseCsvExport(text: string): ParsedExport {
  const out = empty("csv");
  const [head, ...rows] = parseCsv(text);
  const columns = head!.cells;
  for (const { line, cells } of rows) {
    const field = (name: string) => csvValue(cells[columns.indexOf(name)] ?? "");
    const json = (value: string) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    };
    out.entries.push(
      entryOf(line, {
        seq: Number(field("seq")),
        recordedAt: field("recordedAt"),
        eventId: field("eventId"),
        consentId: field("consentId"),
        action: field("action"),
        method: field("method"),
        signals: field("signals") === "" ? [] : field("signals").split(" "),
        categories: json(field("categories")),
        locale: field("locale"),
        policyVersion: field("policyVersion"),
        textsHash: field("textsHash"),
        prevHash: field("prevHash"),
        hash: field("hash"),
      }),
    );
  }
  return { ...out, scope: "range" };
}

function entryOf(line: number, value: unknown): LedgerEntry {
  const parsed = StoredRecord.safeParse(value);
  if (parsed.success) {
    const record = parsed.data;
    return { line, seq: record.seq, eventId: record.eventId, prevHash: record.prevHash, hash: record.hash, record };
  }
  const raw = (value ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  return {
    line,
    seq: typeof raw.seq === "number" ? raw.seq : Number.NaN,
    eventId: text("eventId"),
    prevHash: text("prevHash"),
    hash: text("hash"),
    record: null,
    issue: describeIssue(parsed.error),
  };
}

function addCheckpoint(out: ParsedExport, line: number, value: unknown): void {
  const parsed = Checkpoint.safeParse(value);
  if (parsed.success) out.checkpoints.push({ line, checkpoint: parsed.data });
  else out.unreadable.push({ line, reason: `checkpoint ${describeIssue(parsed.error)}` });
}

function empty(format: ParsedExport["format"]): ParsedExport {
  return { format, header: null, scope: "complete", entries: [], checkpoints: [], unreadable: [] };
}

function withScope(out: ParsedExport): ParsedExport {
  const scope = out.header?.scope;
  return { ...out, scope: scope === "range" || scope === "filtered" ? scope : "complete" };
}
