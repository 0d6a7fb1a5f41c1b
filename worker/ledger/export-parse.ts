// Reading an export (CSV, NDJSON or JSON) or a receipt back into what the verifier checks. Pure:
// the offline CLI and the tests use it. Damaged entries are kept, with what could be read, so the
// verifier can say where they sit.
import { parseCsv } from "./csv.ts";
import { CSV_COLUMNS, EXPORT_TYPE, csvValue } from "./export-format.ts";
import type { Manifest } from "./manifest.ts";
import {
  ConsistencySchema,
  ManifestSchema,
  ProvenRecord,
  ProvenRedaction,
  TreeHeadSchema,
  describeIssue,
} from "./record.ts";
import { RECEIPT_TYPE, receiptMismatch } from "./receipt.ts";
import type { ExportScope, ParsedEntry, ParsedExport } from "./verify-types.ts";

/** Parses an export or a receipt; throws when the text is neither. */
export function parseExport(text: string): ParsedExport {
  const body = text.replace(/^\uFEFF/, "");
  if (body.startsWith(`${CSV_COLUMNS[0]},`)) return parseCsvExport(body, ",");
  if (body.startsWith(`${CSV_COLUMNS[0]};`)) return parseCsvExport(body, ";");
  if (body.startsWith('{"export"')) return parseJsonExport(body);
  if (body.startsWith(`{"type":"${EXPORT_TYPE}"`)) return parseNdjsonExport(body);
  if (body.trimStart().startsWith("{") && body.includes(`"${RECEIPT_TYPE}"`))
    return parseReceipt(body);
  throw new Error(
    "not a consent ledger export or receipt (expected CSV, NDJSON or JSON from /admin/api/consents, or a receipt from /consent/receipt)",
  );
}

type Item = { line: number; value: unknown };

function parseNdjsonExport(text: string): ParsedExport {
  const items: Item[] = [];
  const out = empty("ndjson");
  let scope: unknown;
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    try {
      const value = JSON.parse(raw) as { type?: unknown; scope?: unknown };
      if (line === 1 && value?.type === EXPORT_TYPE) scope = value.scope;
      else items.push({ line, value });
    } catch {
      out.unreadable.push({ line, reason: "not JSON" });
    }
  });
  return collect(out, items, scope);
}

function parseJsonExport(text: string): ParsedExport {
  const out = empty("json");
  const doc = JSON.parse(text) as {
    export?: { scope?: unknown };
    head?: unknown;
    entries?: unknown[];
    consistency?: unknown;
    manifest?: unknown;
  };
  // The API writes the head on line 2 and one entry per line from line 4; positions are reported as
  // those lines.
  const items: Item[] = [];
  if (doc.head) items.push({ line: 2, value: { type: "tree_head", ...(doc.head as object) } });
  (doc.entries ?? []).forEach((value, i) => items.push({ line: i + 4, value }));
  const after = (doc.entries?.length ?? 0) + 5;
  if (doc.consistency)
    items.push({ line: after, value: { type: "consistency", ...(doc.consistency as object) } });
  if (doc.manifest)
    items.push({ line: after + 1, value: { type: "manifest", ...(doc.manifest as object) } });
  return collect(out, items, doc.export?.scope);
}

function parseCsvExport(text: string, delimiter: "," | ";"): ParsedExport {
  const out = empty("csv");
  const [head, ...rows] = parseCsv(text, delimiter);
  const columns = head!.cells;
  const items: Item[] = rows.map(({ line, cells }) => {
    const field = (name: string) => csvValue(cells[columns.indexOf(name)] ?? "");
    const type = field("type");
    if (type !== "record" && type !== "redacted") {
      try {
        return { line, value: { ...(JSON.parse(field("statement")) as object), type } };
      } catch {
        return { line, value: { type } };
      }
    }
    const number = (name: string) => (field(name) === "" ? undefined : Number(field(name)));
    const list = (name: string) => (field(name) === "" ? [] : field(name).split(" "));
    const common = {
      type,
      seq: number("seq"),
      recordedAt: field("recordedAt"),
      leafHash: field("leafHash"),
      treeSize: number("treeSize"),
      proof: list("proof"),
    };
    if (type === "redacted")
      return {
        line,
        value: { ...common, redactedAt: field("redactedAt"), reason: field("reason") },
      };
    let categories: unknown = field("categories");
    try {
      categories = JSON.parse(field("categories"));
    } catch {
      // kept as text: the record then fails to parse, naming the field
    }
    return {
      line,
      value: {
        ...common,
        eventId: field("eventId"),
        consentId: field("consentId"),
        action: field("action"),
        method: field("method"),
        signals: list("signals"),
        categories,
        locale: field("locale"),
        policyVersion: field("policyVersion"),
        textsHash: field("textsHash"),
        ...(field("shownHash") ? { shownHash: field("shownHash") } : {}),
      },
    };
  });
  // A CSV names no scope: its signed manifest does; without one it is treated as a selection.
  return collect(out, items, "filtered");
}

/**
 * A receipt: one record (or its redaction) with its proof and head; it claims nothing about
 * other records.
 */
function parseReceipt(text: string): ParsedExport {
  const out = empty("receipt");
  const doc = JSON.parse(text) as Record<string, unknown> & {
    proof?: { treeHead?: unknown; leaf?: unknown };
  };
  const items: Item[] = [];
  const mismatch = doc.proof?.leaf
    ? receiptMismatch(doc, doc.proof.leaf as Record<string, unknown>)
    : null;
  if (mismatch)
    out.unreadable.push({
      line: 1,
      reason: `the receipt's ${mismatch} differs from its proven record`,
    });
  if (doc.proof?.treeHead)
    items.push({ line: 1, value: { type: "tree_head", ...(doc.proof.treeHead as object) } });
  if (doc.proof?.leaf) items.push({ line: 1, value: doc.proof.leaf });
  return collect(out, items, "filtered");
}

function collect(out: ParsedExport, items: readonly Item[], scope: unknown): ParsedExport {
  for (const { line, value } of items) {
    const { type, ...rest } = (value ?? {}) as { type?: unknown } & Record<string, unknown>;
    if (type === "record" || type === "redacted") out.entries.push(entryOf(line, type, rest));
    else if (type === "tree_head") {
      const parsed = TreeHeadSchema.safeParse(rest);
      if (parsed.success) out.heads.push({ line, head: parsed.data });
      else out.unreadable.push({ line, reason: `tree head ${describeIssue(parsed.error)}` });
    } else if (type === "consistency") {
      const parsed = ConsistencySchema.safeParse(rest);
      if (parsed.success) out.consistency.push({ line, value: parsed.data });
      else
        out.unreadable.push({ line, reason: `consistency proof ${describeIssue(parsed.error)}` });
    } else if (type === "manifest") {
      const parsed = ManifestSchema.safeParse(rest);
      if (parsed.success && !out.manifest) out.manifest = { line, value: parsed.data as Manifest };
      else
        out.unreadable.push({
          line,
          reason: parsed.success ? "a second manifest" : `manifest ${describeIssue(parsed.error)}`,
        });
    } else
      out.unreadable.push({
        line,
        reason:
          "neither a record, a redacted leaf, a tree head, a consistency proof nor a manifest",
      });
  }
  out.scope = scope === "complete" || scope === "range" ? scope : "filtered";
  return out;
}

function entryOf(
  line: number,
  type: "record" | "redacted",
  value: Record<string, unknown>,
): ParsedEntry {
  const seq = typeof value.seq === "number" ? value.seq : Number.NaN;
  const eventId = typeof value.eventId === "string" ? value.eventId : undefined;
  if (type === "record") {
    const parsed = ProvenRecord.safeParse(value);
    if (!parsed.success)
      return { line, seq, eventId, entry: null, issue: describeIssue(parsed.error) };
    const { treeSize, proof, ...record } = parsed.data;
    return { line, seq, eventId, entry: { type, record, treeSize, proof } };
  }
  const parsed = ProvenRedaction.safeParse(value);
  if (!parsed.success) return { line, seq, entry: null, issue: describeIssue(parsed.error) };
  const { treeSize, proof, ...redaction } = parsed.data;
  return { line, seq, entry: { type, redaction, treeSize, proof } };
}

function empty(format: ParsedExport["format"]): ParsedExport {
  return {
    format,
    scope: "filtered" as ExportScope,
    entries: [],
    heads: [],
    consistency: [],
    manifest: null,
    unreadable: [],
  };
}
