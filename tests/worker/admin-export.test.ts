// GET /admin/api/consents: CSV, NDJSON, JSON, streamed, formula-safe, logged, each proving itself.
import { THREE_RECORD_ROWS } from "../helpers/decisions.ts";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXPORT_PAGE } from "../../worker/ledger/export-chunks.ts";
import { parseExport } from "../../worker/ledger/export-parse.ts";
import { importPublicKeys } from "../../worker/ledger/signing.ts";
import { verifyExport } from "../../worker/ledger/verify.ts";
import { adminWorker, bearer } from "../helpers/admin.ts";
import {
  appendAt,
  clearLedger,
  decision,
  failingD1,
  insideLog,
  logPublicKey,
} from "../helpers/ledger.ts";
import { type Requester, seed } from "../helpers/worker.ts";

let worker: Requester;
const exportOf = (query: string) =>
  worker(`GET /admin/api/consents?${query}`, { headers: bearer() });
const verify = async (text: string) =>
  verifyExport({ parsed: parseExport(text), keys: await importPublicKeys([logPublicKey()]) });

beforeAll(async () => {
  await seed();
  worker = await adminWorker();
});

beforeEach(async () => {
  await clearLedger(env.LEDGER);
  await appendAt(
    "2026-04-01T08:00:00.000Z",
    decision({ consentId: "-1234567890", action: "accept_all" }),
  );
  await appendAt(
    "2026-04-02T08:00:00.000Z",
    decision({
      consentId: "-SUM00000001",
      action: "reject_all",
      signals: ["gpc"],
      categories: { necessary: true, media: false },
    }),
  );
  await appendAt(
    "2026-04-03T08:00:00.000Z",
    decision({
      action: "save",
      method: "preferences",
      categories: { necessary: true, media: true },
    }),
  );
});

// /admin/api/consents: CSV, NDJSON and JSON, streamed, attachment, no-store, formula-safe, logged,
// and each one proves itself: the latest signed head, every leaf's inclusion proof, the manifest
// signed by the Worker.
describe("formats", () => {
  it("CSV: attachment, no-store, a row per record with its proof columns, the signed statements as rows, formula-safe cells", async () => {
    const res = await exportOf("format=csv&from=2026-04-01&to=2026-04-03");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(
      'attachment; filename="consent-ledger_2026-04-01_2026-04-03.csv"',
    );
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const text = await res.text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "type,seq,recordedAt,eventId,consentId,action,method,signals,granted,denied,locale,policyVersion,categories,textsHash,shownHash,leafHash,treeSize,proof,redactedAt,reason,statement",
    );
    expect(lines.map((l) => l.split(",")[0])).toEqual(THREE_RECORD_ROWS);
    expect(lines[2]).toContain(",'-1234567890,accept_all,banner,,analytics media necessary,,it,");
    expect(lines[3]).toContain(",'-SUM00000001,reject_all,banner,gpc,necessary,media,it,");
    expect(lines.slice(2, 5).every((l) => !/,[=+\-@]/.test(l.replace(/,'[=+\-@]/g, ",")))).toBe(
      true,
    );
    expect((await verify(text)).verdict).toBe("valid");
  });

  it("CSV for Excel with Italian settings (format=csv-excel): UTF-8 BOM, `;` between cells, CRLF, the same rows; verifies", async () => {
    const res = await exportOf("format=csv-excel&from=2026-04-01&to=2026-04-03");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(
      'attachment; filename="consent-ledger_2026-04-01_2026-04-03_excel.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(text.slice(1).replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe(
      "type;seq;recordedAt;eventId;consentId;action;method;signals;granted;denied;locale;policyVersion;categories;textsHash;shownHash;leafHash;treeSize;proof;redactedAt;reason;statement",
    );
    expect(lines.map((l) => l.split(";")[0])).toEqual(THREE_RECORD_ROWS);
    expect(lines[3]).toContain(";'-SUM00000001;reject_all;banner;gpc;necessary;media;it;");
    expect((await verify(text)).verdict).toBe("valid");
  });

  it("NDJSON: a header, the signed head, the records with their proofs, the manifest; verifies with the public key", async () => {
    const res = await exportOf("format=ndjson");
    expect(res.headers.get("Content-Type")).toContain("application/x-ndjson");
    const text = await res.text();
    const parsed = parseExport(text);
    expect(JSON.parse(text.split("\n")[0]!)).toMatchObject({
      type: "far-volare-consent-ledger",
      version: 2,
      scope: "complete",
      filter: {},
    });
    expect(parsed.heads.map((h) => h.head.size)).toEqual([3]);
    expect(parsed.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(parsed.manifest?.value).toMatchObject({
      scope: "complete",
      seqs: [1, 2, 3],
      treeSize: 3,
    });
    const report = await verify(text);
    expect(report.problems).toEqual([]);
    expect(report.verdict).toBe("valid");
  });

  it("JSON: one document with the same head, entries and manifest", async () => {
    const text = await (await exportOf("format=json&action=reject_all")).text();
    const doc = JSON.parse(text) as {
      export: { scope: string };
      head: { size: number };
      entries: { consentId: string; proof: string[] }[];
      manifest: { seqs: number[] };
    };
    expect(doc.export.scope).toBe("filtered");
    expect(doc.head.size).toBe(3);
    expect(doc.entries.map((r) => r.consentId)).toEqual(["-SUM00000001"]);
    expect(doc.entries[0]!.proof).toHaveLength(2);
    expect(doc.manifest.seqs).toEqual([2]);
    expect((await verify(text)).verdict).toBe("valid");
  });

  it("filters by consent id and dates (the `to` day included), each export valid", async () => {
    const byId = await (await exportOf("format=ndjson&consent_id=-1234567890")).text();
    expect(
      parseExport(byId).entries.map((e) =>
        e.entry?.type === "record" ? e.entry.record.consentId : null,
      ),
    ).toEqual(["-1234567890"]);
    expect((await verify(byId)).verdict).toBe("valid");
    const range = await (await exportOf("format=ndjson&from=2026-04-02&to=2026-04-02")).text();
    expect(parseExport(range).entries.map((e) => e.seq)).toEqual([2]);
    expect((await verify(range)).verdict).toBe("valid");
  });

  it("adds a consistency proof from a kept size on request (since_size)", async () => {
    const parsed = parseExport(await (await exportOf("format=ndjson&since_size=1")).text());
    expect(parsed.consistency.map((c) => [c.value.fromSize, c.value.toSize])).toEqual([[1, 3]]);
  });
});

describe("bounds compared as dates (issue 15)", () => {
  it("to=9999-12-31 includes every record, and the export verifies", async () => {
    const text = await (await exportOf("format=ndjson&from=2026-04-02&to=9999-12-31")).text();
    expect(parseExport(text).entries.map((e) => e.seq)).toEqual([2, 3]);
    expect((await verify(text)).verdict).toBe("valid");
  });

  it("a range with nothing in it is an export the verifier calls 'no records', not valid", async () => {
    const text = await (await exportOf("format=ndjson&from=2030-01-01&to=9999-12-31")).text();
    expect((await verify(text)).verdict).toBe("empty");
  });

  it.each([
    ["from=0000-01-01", "from"],
    ["to=1969-12-31", "to"],
    ["since_size=0", "since_size"],
  ])("%s is a 400 naming the field", async (query, field) => {
    const res = await exportOf(`format=ndjson&${query}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(field);
  });
});

describe("large exports", () => {
  it("stream page by page: every record once, in order, in several chunks, all proven", async () => {
    const inputs = Array.from({ length: EXPORT_PAGE * 2 + 17 }, () => decision());
    await insideLog(async (log) => {
      const results = await Promise.all(inputs.map((d) => log.append(d)));
      expect(results.every((r) => r.ok)).toBe(true);
    });
    const res = await exportOf("format=ndjson");
    const reader = res.body!.getReader();
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks++;
      text += decoder.decode(read.value, { stream: true });
    }
    const seqs = parseExport(text).entries.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: inputs.length + 3 }, (_, i) => i + 1));
    expect(chunks).toBeGreaterThanOrEqual(4);
    expect((await verify(text)).verdict).toBe("valid");
  });
});

describe("accountability", () => {
  it("logs every export with who asked and for what", async () => {
    await exportOf("format=csv&from=2026-04-01&to=2026-04-03");
    const entry = await env.LEDGER.prepare(
      "SELECT principal, kind, query, status FROM admin_access WHERE kind = 'export' ORDER BY id DESC",
    ).first();
    expect(entry).toEqual({
      principal: "token",
      kind: "export",
      query: "format=csv&from=2026-04-01&to=2026-04-03",
      status: 200,
    });
  });

  it("no export without a log entry: a failing D1 gives a 503, not data", async () => {
    const broken = await adminWorker({ LEDGER: failingD1(env.LEDGER) });
    const res = await broken("GET /admin/api/consents?format=csv", { headers: bearer() });
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain("record,");
  });
});
