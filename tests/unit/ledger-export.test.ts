import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../worker/ledger/csv.ts";
import { type ExportFormat, EXPORT_FORMATS, EXPORT_TYPE, csvCell, csvValue, exportFileName, exportSerializer } from "../../worker/ledger/export-format.ts";
import { parseExport } from "../../worker/ledger/export-parse.ts";
import { filterSql, scopeOf } from "../../worker/ledger/filter.ts";
import type { Checkpoint, StoredRecord } from "../../worker/ledger/record.ts";
import { testChain, testKeys } from "../helpers/ledger-chain.ts";

describe("CSV cells", () => {
  it.each(["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])("neutralizes a formula: %j", (value) => {
    const cell = csvCell(value);
    expect(cell.replace(/^"/, "")).toMatch(/^'/);
    expect(csvValue(parseCsv(`${cell}\n`)[0]!.cells[0]!)).toBe(value);
  });

  it("quotes commas, quotes and newlines, and reads them back", () => {
    const values = ['{"a":true,"b":false}', 'say "hi"', "two\nlines", "plain"];
    const row = values.map(csvCell).join(",");
    expect(parseCsv(`${row}\r\n`)[0]!.cells.map(csvValue)).toEqual(values);
  });
});

describe("filters", () => {
  it("build parameterized SQL and say what an export can prove", () => {
    expect(filterSql({})).toEqual({ sql: "", params: [] });
    expect(filterSql({ from: "2026-01-01T00:00:00.000Z", action: "save" })).toEqual({
      sql: "WHERE recorded_at >= ? AND action = ?",
      params: ["2026-01-01T00:00:00.000Z", "save"],
    });
    expect(scopeOf({})).toBe("complete");
    expect(scopeOf({ to: "2026-01-02T00:00:00.000Z" })).toBe("range");
    expect(scopeOf({ from: "2026-01-01T00:00:00.000Z", consentId: "abcdefgh" })).toBe("filtered");
  });

  it("name files after the days included", () => {
    expect(exportFileName({ from: "2026-01-01T00:00:00.000Z", to: "2026-02-01T00:00:00.000Z" }, "csv")).toBe("consent-ledger_2026-01-01_2026-01-31.csv");
    expect(exportFileName({}, "ndjson")).toBe("consent-ledger_start_now.ndjson");
  });
});

describe("every format reads back to the same records", () => {
  let records: StoredRecord[];
  let checkpoints: Checkpoint[];
  beforeAll(async () => {
    ({ records, checkpoints } = await testChain(7, (await testKeys()).signer, 3));
  });

  const write = (format: ExportFormat) => {
    const out = exportSerializer(format, { type: EXPORT_TYPE, version: 1, generatedAt: "2026-01-02T00:00:00.000Z", scope: "complete", filter: {} });
    return out.start() + records.map((r, i) => out.record(r, i)).join("") + out.end(checkpoints);
  };

  it.each(EXPORT_FORMATS)("%s", (format) => {
    const parsed = parseExport(write(format));
    expect(parsed.format).toBe(format);
    expect(parsed.unreadable).toEqual([]);
    expect(parsed.entries.map((e) => e.record)).toEqual(records);
    expect(parsed.checkpoints.map((c) => c.checkpoint)).toEqual(format === "csv" ? [] : checkpoints);
    expect(parsed.entries.map((e) => e.line)).toEqual(records.map((_, i) => i + 2));
  });

  it("keeps a damaged record in place, with what could be read", () => {
    const text = write("ndjson").replace('"action":"accept_all"', '"action":"accept_alk"');
    const [damaged] = parseExport(text).entries;
    expect(damaged).toMatchObject({ line: 2, seq: 1, record: null });
    expect(damaged!.issue).toContain("action");
  });

  it("refuses a file that is not an export", () => {
    expect(() => parseExport("hello")).toThrow(/not a consent ledger export/);
  });
});
