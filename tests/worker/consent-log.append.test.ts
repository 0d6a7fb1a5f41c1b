// The log's one writer (ConsentLog) on local D1: records, tree, heads, retries, faults, load.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { LedgerError } from "../../worker/ledger/ledger-error.ts";
import { appendConsentRecord } from "../../worker/ledger/append.ts";
import { canonicalTreeHead, leafHashOf } from "../../worker/ledger/canonical-record.ts";
import { sha256Hex } from "../../lib/bytes.ts";
import {
  rowToHead,
  rowToRecord,
  type HeadRow,
  type RecordRow,
} from "../../worker/ledger/log-store.ts";
import { EMPTY_ROOT } from "../../worker/ledger/merkle-hash.ts";
import { rootOfLeaves } from "../../worker/ledger/merkle-tree.ts";
import { importPublicKeys, verifyHeadSignature } from "../../worker/ledger/signing.ts";
import {
  TEXTS_EN,
  TEXTS_IT,
  appendAt,
  clearLedger,
  countRecords,
  countRows,
  decision,
  degradeLog,
  failingD1,
  insideLog,
  logPublicKey,
} from "../helpers/ledger.ts";

const db = env.LEDGER;
const append = (d = decision()) => appendConsentRecord(env, d);
const leaves = async () =>
  (
    await db
      .prepare("SELECT hash FROM ledger_nodes WHERE level = 0 ORDER BY idx")
      .all<{ hash: string }>()
  ).results.map((r) => r.hash);
const heads = async () =>
  (await db.prepare("SELECT * FROM ledger_heads ORDER BY id").all<HeadRow>()).results.map(
    rowToHead,
  );
const records = async () =>
  (await db.prepare("SELECT * FROM consent_records ORDER BY seq").all<RecordRow>()).results.map(
    rowToRecord,
  );

/**
 * The stored tree is whole: one leaf per record (its hash), and the last head signs the MTH of
 * all leaves.
 */
async function expectConsistentLog() {
  const rs = await records();
  const ls = await leaves();
  expect(ls).toEqual(await Promise.all(rs.map(leafHashOf)));
  expect(rs.map((r) => r.seq)).toEqual(rs.map((_, i) => i + 1));
  const last = (await heads()).at(-1)!;
  expect(last).toMatchObject({ size: ls.length, root: await rootOfLeaves(ls) });
  expect(await verifyHeadSignature(await importPublicKeys([logPublicKey()]), last)).toBe(true);
}

beforeEach(() => clearLedger(db));

// The log's one writer (the ConsentLog Durable Object) against the local D1: what a record holds,
// the tree and its signed heads, idempotent retries (only real ones), bad input, D1 failing at any
// point, concurrency.
describe("appending a decision", () => {
  it("stores every field the compliance officer needs, a leaf, and a signed head over the tree", async () => {
    const before = Date.now();
    const input = decision({
      action: "save",
      categories: { necessary: true, media: true, analytics: false },
      method: "preferences",
      signals: ["gpc"],
      locale: "en",
      texts: TEXTS_EN,
      shownHash: "5e".repeat(32),
    });
    const record = await append(input);
    expect(record).toEqual({
      seq: 1,
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      eventId: input.eventId,
      consentId: input.consentId,
      action: "save",
      method: "preferences",
      signals: ["gpc"],
      categories: { analytics: false, media: true, necessary: true },
      locale: "en",
      policyVersion: "a1b2c3d4e5f6",
      textsHash: await sha256Hex(TEXTS_EN),
      shownHash: "5e".repeat(32),
    });
    expect(Date.parse(record.recordedAt)).toBeGreaterThanOrEqual(before);
    const row = await db
      .prepare("SELECT * FROM consent_records WHERE seq = 1")
      .first<Record<string, unknown>>();
    expect(Object.keys(row!).sort()).toEqual([
      "action",
      "categories",
      "consent_id",
      "event_id",
      "locale",
      "method",
      "policy_version",
      "recorded_at",
      "seq",
      "shown_hash",
      "signals",
      "texts_hash",
    ]);
    expect(await leaves()).toEqual([await leafHashOf(record)]);
    const [head] = await heads();
    expect(head).toMatchObject({
      size: 1,
      root: await leafHashOf(record),
      timestamp: record.recordedAt,
    });
    expect(canonicalTreeHead(head!)).toBe(
      `{"v":2,"type":"tree_head","size":1,"root":"${head!.root}","timestamp":"${record.recordedAt}","keyId":"${head!.keyId}"}`,
    );
    await expectConsistentLog();
  });

  it("archives the texts shown once per hash; records, nodes and heads cannot be changed, nodes not deleted", async () => {
    await append();
    await append();
    await append(decision({ locale: "en", texts: TEXTS_EN }));
    const texts = await db
      .prepare("SELECT texts_hash, locale, texts FROM consent_texts ORDER BY locale")
      .all<{ texts_hash: string; locale: string; texts: string }>();
    expect(texts.results).toEqual([
      { texts_hash: await sha256Hex(TEXTS_EN), locale: "en", texts: TEXTS_EN },
      { texts_hash: await sha256Hex(TEXTS_IT), locale: "it", texts: TEXTS_IT },
    ]);
    await expect(
      db.prepare("UPDATE consent_records SET action = 'reject_all'").run(),
    ).rejects.toThrow(/append-only/);
    await expect(db.prepare("UPDATE consent_texts SET texts = 'x'").run()).rejects.toThrow(
      /write-once/,
    );
    await expect(db.prepare("UPDATE ledger_nodes SET hash = hash").run()).rejects.toThrow(
      /write-once/,
    );
    await expect(db.prepare("DELETE FROM ledger_nodes").run()).rejects.toThrow(/never deleted/);
    await expect(db.prepare("UPDATE ledger_heads SET root = root").run()).rejects.toThrow(
      /write-once/,
    );
    await expect(
      db.prepare(`INSERT INTO ledger_nodes VALUES (0, 7, '${"0".repeat(64)}')`).run(),
    ).rejects.toThrow(/without gaps/);
  });

  it("rejects invalid decisions with an error that names the field, storing nothing", async () => {
    const bad: [Partial<Record<string, unknown>>, string][] = [
      [{ action: "maybe" }, "action"],
      [{ consentId: "short" }, "consentId"],
      [{ categories: {} }, "categories"],
      [{ categories: { Analytics: true } }, "categories.Analytics"],
      [{ locale: "de" }, "locale"],
      [{ texts: "" }, "texts"],
      [{ method: "scroll" }, "method"],
      [{ shownHash: "not-a-hash" }, "shownHash"],
      [{ signals: ["gpc", "gpc"] }, "signals"],
    ];
    for (const [override, field] of bad) {
      const error = await append(decision(override as never)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerError);
      expect((error as LedgerError).reason).toBe("invalid");
      expect((error as LedgerError).message).toContain(field);
    }
    expect(await countRecords()).toBe(0);
  });
});

describe("retries", () => {
  it("the same decision again (same event id and choice) is the stored record, stored once", async () => {
    const input = decision();
    const first = await append(input);
    const [a, b] = await Promise.all([
      append({ ...input, consentId: "another-fresh-id" }),
      append(input),
    ]);
    expect(a).toEqual(first);
    expect(b).toEqual(first);
    expect(await countRecords()).toBe(1);
  });

  it("retries inside one batch are one record", async () => {
    const input = decision();
    const results = await Promise.all([input, decision(), input, decision()].map((d) => append(d)));
    expect(results[0]).toEqual(results[2]);
    expect(await countRecords()).toBe(3);
  });

  it.each([
    [
      "another action",
      {
        action: "reject_all" as const,
        categories: { necessary: true, analytics: false, media: false },
      },
    ],
    [
      "other categories",
      { action: "save" as const, categories: { necessary: true, analytics: false, media: true } },
    ],
    ["another language", { locale: "en" as const }],
    ["other privacy signals", { signals: ["gpc" as const] }],
  ])("a stored event id with %s is a new decision with a fresh event id", async (_, change) => {
    const input = decision();
    const first = await append(input);
    const second = await append({ ...input, ...change, consentId: "consent-of-a-new-browser" });
    expect(second.seq).toBe(2);
    expect(second.eventId).not.toBe(input.eventId);
    expect(second.consentId).toBe("consent-of-a-new-browser");
    expect(first.seq).toBe(1);
  });

  it("a stored event id whose consent id decided again since is a new decision", async () => {
    const input = decision();
    await append(input);
    await append(
      decision({
        consentId: input.consentId,
        action: "withdraw",
        categories: { necessary: true, analytics: false, media: false },
      }),
    );
    const replay = await append({ ...input, consentId: "consent-after-cleared-cookies" });
    expect(replay).toMatchObject({
      seq: 3,
      consentId: "consent-after-cleared-cookies",
      action: "accept_all",
    });
    expect(replay.eventId).not.toBe(input.eventId);
  });
});

describe("when D1 fails", () => {
  it.each(["writes", "all"] as const)(
    "a failing D1 (%s) means no record and an error to retry on; the log works again after",
    async (mode) => {
      await append();
      const restore = await degradeLog((d) => failingD1(d, mode));
      const error = await append().catch((e: unknown) => e);
      await restore();
      expect(error).toBeInstanceOf(LedgerError);
      expect((error as LedgerError).reason).toBe("unavailable");
      expect((error as LedgerError).message).toContain("D1_ERROR: simulated outage");
      expect(await countRecords()).toBe(1);
      expect((await append()).seq).toBe(2);
      await expectConsistentLog();
    },
  );

  it("a batch that fails mid-commit leaves nothing of it: records, leaves, nodes and head all absent", async () => {
    for (let i = 0; i < 3; i++) await append();
    const nodesBefore = await countRows("ledger_nodes");
    // The batch's last statement (the head) fails: D1 rolls back the whole batch.
    const restore = await degradeLog(
      (d) =>
        new Proxy(d, {
          get: (t, p) =>
            p === "batch"
              ? (s: D1PreparedStatement[]) =>
                  t.batch([...s, t.prepare("INSERT INTO ledger_heads (tree_size) VALUES (NULL)")])
              : (Reflect.get(t, p) as Function).bind(t),
        }),
    );
    const failed = await Promise.all(
      [append(), append()].map((p) => p.catch((e: LedgerError) => e.reason)),
    );
    await restore();
    expect(failed).toEqual(["unavailable", "unavailable"]);
    expect(await countRecords()).toBe(3);
    expect(await countRows("ledger_nodes")).toBe(nodesBefore);
    expect((await heads()).map((h) => h.size)).toEqual([1, 2, 3]);
    expect((await append()).seq).toBe(4);
    await expectConsistentLog();
  });

  it("a commit that reached D1 but whose answer was lost: the writer re-reads D1, finds the record, stores nothing twice", async () => {
    await append();
    const restore = await degradeLog(
      (d) =>
        new Proxy(d, {
          get: (t, p) =>
            p === "batch"
              ? async (s: D1PreparedStatement[]) => {
                  const r = await t.batch(s);
                  if (s.length > 2) throw new Error("network: answer lost");
                  return r;
                }
              : (Reflect.get(t, p) as Function).bind(t),
        }),
    );
    const input = decision();
    const answered = await append(input);
    await restore();
    expect(answered).toMatchObject({ seq: 2, eventId: input.eventId });
    expect(await countRecords()).toBe(2);
    expect(await append(input)).toMatchObject({ seq: 2, eventId: input.eventId });
    expect((await append()).seq).toBe(3);
    await expectConsistentLog();
  });

  it("D1 emptied or restored behind the writer's back: it re-reads D1 and continues from there", async () => {
    await append();
    await append();
    await clearLedger(db);
    // A head signed now describes what D1 holds, not what the writer remembers.
    expect(await insideLog((log) => log.signHead())).toMatchObject({ size: 0, root: EMPTY_ROOT });
    expect((await append()).seq).toBe(1);
    await expectConsistentLog();
  });
});

describe("under concurrency", () => {
  it("1,000 concurrent decisions give exactly 1,000 records, one whole tree, a head per batch", async () => {
    const rs = await Promise.all(Array.from({ length: 1000 }, () => append()));
    expect(new Set(rs.map((r) => r.seq)).size).toBe(1000);
    expect(await countRecords()).toBe(1000);
    const hs = await heads();
    expect(hs.length).toBeLessThan(1000);
    expect(hs.map((h) => h.size)).toEqual([...hs.map((h) => h.size)].sort((a, b) => a - b));
    await expectConsistentLog();
  });

  it("time never goes backwards along the log, even when the clock does", async () => {
    await appendAt("2030-01-01T00:00:00.000Z");
    const second = await appendAt("2029-01-01T00:00:00.000Z");
    expect(second.recordedAt).toBe("2030-01-01T00:00:00.000Z");
  });
});
