// Export formats: CSV cells carry no formula, files named by days, each format reads back alike.
import { describe, expect, it } from "vitest";
import { leafHashOf } from "../../../worker/ledger/canonical-record.ts";
import { parseCsv } from "../../../worker/ledger/csv.ts";
import {
  type ExportFormat,
  CSV_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_TYPE,
  csvCell,
  csvValue,
  exportFileName,
  exportSerializer,
} from "../../../worker/ledger/export-format.ts";
import { parseExport } from "../../../worker/ledger/export-parse.ts";
import type { TreeHead } from "../../../worker/ledger/record-types.ts";
import type { ExportEntry } from "../../../worker/ledger/verify-types.ts";

describe("CSV cells", () => {
  it.each(['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"])(
    "neutralizes a formula: %j",
    (value) => {
      const cell = csvCell(value);
      expect(cell.replace(/^"/, "")).toMatch(/^'/);
      expect(csvValue(parseCsv(`${cell}\n`)[0]!.cells[0]!)).toBe(value);
    },
  );

  it("quotes commas, quotes and newlines, and reads them back", () => {
    const values = ['{"a":true,"b":false}', 'say "hi"', "two\nlines", "plain"];
    const row = values.map((v) => csvCell(v)).join(",");
    expect(parseCsv(`${row}\r\n`)[0]!.cells.map(csvValue)).toEqual(values);
  });

  it("for Excel: quotes semicolons (its delimiter), not bare commas, and reads them back", () => {
    const values = ["a;b", "1,5", '{"a":true}', "plain"];
    expect(values.map((v) => csvCell(v, ";"))).toEqual(['"a;b"', "1,5", '"{""a"":true}"', "plain"]);
    expect(
      parseCsv(`${values.map((v) => csvCell(v, ";")).join(";")}\r\n`, ";")[0]!.cells.map(csvValue),
    ).toEqual(values);
  });
});

describe("file names", () => {
  it("name files after the days included", () => {
    expect(
      exportFileName({ from: "2026-01-01T00:00:00.000Z", to: "2026-01-31T23:59:59.999Z" }, "csv"),
    ).toBe("consent-ledger_2026-01-01_2026-01-31.csv");
    expect(exportFileName({}, "ndjson")).toBe("consent-ledger_start_now.ndjson");
  });
});

describe("every format reads back to the same entries", () => {
  const head: TreeHead = {
    size: 3,
    root: "cd".repeat(32),
    timestamp: "2026-01-02T00:00:00.000Z",
    keyId: "0123456789abcdef",
    signature: "A".repeat(86),
  };
  const entries = async (): Promise<ExportEntry[]> => {
    const body = {
      seq: 1,
      recordedAt: "2026-01-01T00:00:00.000Z",
      eventId: "event-00000001",
      consentId: "-SUM00000001",
      action: "save" as const,
      method: "preferences" as const,
      signals: ["gpc" as const],
      categories: { necessary: true, media: false },
      locale: "it" as const,
      policyVersion: "a1b2c3d4e5f6",
      textsHash: "ab".repeat(32),
    };
    return [
      {
        type: "record",
        record: { ...body, leafHash: await leafHashOf(body) },
        treeSize: 3,
        proof: ["01".repeat(32), "02".repeat(32)],
      },
      {
        type: "redacted",
        redaction: {
          seq: 2,
          recordedAt: "2026-01-01T00:00:00.000Z",
          leafHash: "03".repeat(32),
          redactedAt: "2026-01-05T00:00:00.000Z",
          reason: "erasure",
        },
        treeSize: 3,
        proof: ["04".repeat(32)],
      },
    ];
  };
  const write = async (format: ExportFormat) => {
    const out = exportSerializer(format, {
      type: EXPORT_TYPE,
      version: 2,
      generatedAt: "2026-01-02T00:00:00.000Z",
      scope: "complete",
      filter: {},
    });
    return (
      out.start(head) +
      (await entries()).map((e, i) => out.entry(e, i)).join("") +
      out.end({ consistency: { fromSize: 1, toSize: 3, proof: ["05".repeat(32)] }, manifest: null })
    );
  };

  it.each(EXPORT_FORMATS)("%s", async (format) => {
    const parsed = parseExport(await write(format));
    expect(parsed.unreadable).toEqual([]);
    expect(parsed.entries.map((e) => e.entry)).toEqual(await entries());
    expect(parsed.heads.map((h) => h.head)).toEqual([head]);
    expect(parsed.consistency.map((c) => c.value)).toEqual([
      { fromSize: 1, toSize: 3, proof: ["05".repeat(32)] },
    ]);
  });

  it("CSV for Excel with Italian settings: UTF-8 BOM, `;` between cells, CRLF; the default CSV stays RFC 4180 with `,` and no BOM", async () => {
    const excel = await write("csv-excel");
    const csv = await write("csv");
    expect(excel.startsWith("\uFEFFtype;seq;recordedAt;")).toBe(true);
    expect(csv.startsWith("type,seq,recordedAt,")).toBe(true);
    for (const text of [excel, csv]) expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const [header, , record] = excel.slice(1).split("\r\n");
    expect(header!.split(";")).toEqual([...CSV_COLUMNS]);
    expect(record!.split(";")[0]).toBe("record");
    expect(exportFileName({}, "csv-excel")).toBe("consent-ledger_start_now_excel.csv");
  });

  it("keeps a damaged record in place, with what could be read", async () => {
    const text = (await write("ndjson")).replace('"action":"save"', '"action":"sav"');
    const [damaged] = parseExport(text).entries;
    expect(damaged).toMatchObject({ line: 3, seq: 1, entry: null });
    expect(damaged!.issue).toContain("action");
  });

  it("refuses a file that is not an export", () => {
    expect(() => parseExport("hello")).toThrow(/not a consent ledger export/);
  });
});
