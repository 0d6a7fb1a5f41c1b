// /admin/api/consents: CSV, NDJSON and JSON, streamed, attachment, no-store, formula-safe, logged, verifiable.
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLedgerWriter } from "../../worker/ledger/append.ts";
import { EXPORT_PAGE } from "../../worker/ledger/export.ts";
import { parseExport } from "../../worker/ledger/export-parse.ts";
import { generateKeyPair, importPublicKeys } from "../../worker/ledger/signing.ts";
import { verifyLedger } from "../../worker/ledger/verify.ts";
import { adminWorker, bearer } from "../helpers/admin.ts";
import { appendAt, clearLedger, decision, failingD1 } from "../helpers/ledger.ts";
import { type Requester, seed } from "../helpers/worker.ts";

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let worker: Requester;
const exportOf = (query: string) => worker(`GET /admin/api/consents?${query}`, { headers: bearer() });

beforeAll(async () => {
  await seed();
  keys = await generateKeyPair();
  worker = await adminWorker({ LEDGER_SIGNING_KEY: keys.privateJwk });
});

beforeEach(async () => {
  await clearLedger(env.LEDGER);
  await appendAt(env.LEDGER, "2026-04-01T08:00:00.000Z", decision({ consentId: "-1234567890", action: "accept_all" }));
  await appendAt(env.LEDGER, "2026-04-02T08:00:00.000Z", decision({ consentId: "-SUM00000001", action: "reject_all", signals: ["gpc"], categories: { necessary: true, media: false } }));
  await appendAt(env.LEDGER, "2026-04-03T08:00:00.000Z", decision({ action: "save", method: "preferences", categories: { necessary: true, media: true } }));
});

describe("formats", () => {
  it("CSV: attachment, no-store, one row per record, formula-safe cells", async () => {
    const res = await exportOf("format=csv&from=2026-04-01&to=2026-04-03");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="consent-ledger_2026-04-01_2026-04-03.csv"');
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("seq,recordedAt,eventId,consentId,action,method,signals,granted,denied,locale,policyVersion,categories,textsHash,prevHash,hash");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(",'-1234567890,accept_all,banner,,analytics media necessary,,it,");
    expect(lines[2]).toContain(",'-SUM00000001,reject_all,banner,gpc,necessary,media,it,");
    expect(lines.slice(1).every((l) => !/,[=+\-@]/.test(l.replace(/,'[=+\-@]/g, ",")))).toBe(true);
  });

  it("NDJSON: a header, the records and the checkpoints that sign them; verifies with the public key", async () => {
    const res = await exportOf("format=ndjson");
    expect(res.headers.get("Content-Type")).toContain("application/x-ndjson");
    const text = await res.text();
    const parsed = parseExport(text);
    expect(parsed.header).toMatchObject({ type: "far-volare-consent-ledger", scope: "complete", filter: {} });
    expect(parsed.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    // The export sealed the ledger first: the last record is covered by a checkpoint.
    expect(parsed.checkpoints.map((c) => c.checkpoint.seq)).toEqual([3]);
    const report = await verifyLedger({ ...parsed, keys: await importPublicKeys([keys.publicKey]) });
    expect(report.problems).toEqual([]);
    expect(report.sealedThrough).toBe(3);
  });

  it("JSON: one document with the same records and checkpoints", async () => {
    const doc = await (await exportOf("format=json&action=reject_all")).json<{ export: { scope: string }; records: { consentId: string }[]; checkpoints: unknown[] }>();
    expect(doc.export.scope).toBe("filtered");
    expect(doc.records.map((r) => r.consentId)).toEqual(["-SUM00000001"]);
  });

  it("filters by consent id and dates (the `to` day included)", async () => {
    const byId = parseExport(await (await exportOf("format=ndjson&consent_id=-1234567890")).text());
    expect(byId.entries.map((e) => e.record?.consentId)).toEqual(["-1234567890"]);
    const range = parseExport(await (await exportOf("format=ndjson&from=2026-04-02&to=2026-04-02")).text());
    expect(range.scope).toBe("range");
    expect(range.entries.map((e) => e.seq)).toEqual([2]);
  });
});

describe("large exports", () => {
  it("stream page by page: every record once, in order, in several chunks", async () => {
    const inputs = Array.from({ length: EXPORT_PAGE * 2 + 17 }, () => decision());
    const writer = createLedgerWriter(env.LEDGER, { now: () => new Date("2026-04-05T08:00:00.000Z") });
    await Promise.all(inputs.map((d) => writer.append(d)));
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
  });
});

describe("accountability", () => {
  it("logs every export with who asked and for what", async () => {
    await exportOf("format=csv&from=2026-04-01&to=2026-04-03");
    const entry = await env.LEDGER.prepare("SELECT principal, kind, query, status FROM admin_access WHERE kind = 'export' ORDER BY id DESC").first();
    expect(entry).toEqual({ principal: "token", kind: "export", query: "format=csv&from=2026-04-01&to=2026-04-03", status: 200 });
  });

  it("no export without a log entry: a failing D1 gives a 503, not data", async () => {
    const broken = await adminWorker({ LEDGER: failingD1(env.LEDGER) });
    const res = await broken("GET /admin/api/consents?format=csv", { headers: bearer() });
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain("seq,recordedAt");
  });
});
