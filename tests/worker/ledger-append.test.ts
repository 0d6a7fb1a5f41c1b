import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { HttpError } from "../../worker/http/errors.ts";
import { appendConsentRecord, createLedgerWriter } from "../../worker/ledger/append.ts";
import { sha256Hex } from "../../worker/ledger/canonical.ts";
import { readLedgerEntries } from "../helpers/ledger-read.ts";
import { verifyLedger } from "../../worker/ledger/verify.ts";
import { TEXTS_EN, TEXTS_IT, clearLedger, decision, failingD1, racingD1 } from "../helpers/ledger.ts";

const db = env.LEDGER;
const count = async () => (await db.prepare("SELECT COUNT(*) AS n FROM consent_records").first<{ n: number }>())!.n;

async function verifyStored() {
  const { entries, checkpoints } = await readLedgerEntries(db);
  return verifyLedger({ entries, checkpoints, scope: "complete", keys: null });
}

beforeEach(() => clearLedger(db));

describe("appending a decision", () => {
  it("stores every field the compliance officer needs, with server time in UTC and a chained hash", async () => {
    const before = Date.now();
    const input = decision({ action: "save", categories: { necessary: true, media: true, analytics: false }, method: "preferences", signals: ["gpc"], locale: "en", texts: TEXTS_EN });
    const record = await appendConsentRecord(db, input);
    expect(record).toMatchObject({
      seq: 1,
      eventId: input.eventId,
      consentId: input.consentId,
      action: "save",
      method: "preferences",
      signals: ["gpc"],
      categories: { analytics: false, media: true, necessary: true },
      locale: "en",
      policyVersion: "a1b2c3d4e5f6",
      textsHash: await sha256Hex(TEXTS_EN),
      prevHash: "0".repeat(64),
    });
    expect(record.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(record.recordedAt)).toBeGreaterThanOrEqual(before);
    const row = await db.prepare("SELECT * FROM consent_records WHERE seq = 1").first<Record<string, unknown>>();
    expect(Object.keys(row!).sort()).toEqual(
      ["action", "categories", "consent_id", "event_id", "hash", "locale", "method", "policy_version", "prev_hash", "recorded_at", "seq", "signals", "texts_hash"].sort(),
    );
  });

  it("archives the texts shown once per hash, and never lets them or a record be updated", async () => {
    await appendConsentRecord(db, decision());
    await appendConsentRecord(db, decision());
    await appendConsentRecord(db, decision({ locale: "en", texts: TEXTS_EN }));
    const texts = await db.prepare("SELECT texts_hash, locale, texts FROM consent_texts ORDER BY locale").all<{ texts_hash: string; locale: string; texts: string }>();
    expect(texts.results).toEqual([
      { texts_hash: await sha256Hex(TEXTS_EN), locale: "en", texts: TEXTS_EN },
      { texts_hash: await sha256Hex(TEXTS_IT), locale: "it", texts: TEXTS_IT },
    ]);
    await expect(db.prepare("UPDATE consent_records SET action = 'reject_all'").run()).rejects.toThrow(/append-only/);
    await expect(db.prepare("UPDATE consent_texts SET texts = 'x'").run()).rejects.toThrow(/write-once/);
  });

  it("is idempotent: a retried event id returns the first record and stores nothing new", async () => {
    const input = decision();
    const first = await appendConsentRecord(db, input);
    const again = await appendConsentRecord(db, { ...input, action: "reject_all" });
    const [a, b] = await Promise.all([appendConsentRecord(db, input), appendConsentRecord(db, input)]);
    expect(again).toEqual(first);
    expect(a).toEqual(first);
    expect(b).toEqual(first);
    expect(await count()).toBe(1);
  });

  it("keeps retries idempotent inside one group commit", async () => {
    const input = decision();
    const results = await Promise.all([input, decision(), input, decision()].map((d) => appendConsentRecord(db, d)));
    expect(results[0]).toEqual(results[2]);
    expect(await count()).toBe(3);
  });

  it("rejects invalid decisions with a 400 that names the field, storing nothing", async () => {
    const bad = [
      decision({ action: "maybe" as never }),
      decision({ consentId: "short" }),
      decision({ categories: {} }),
      decision({ locale: "de" as never }),
      decision({ texts: "" }),
      decision({ method: "scroll" as never }),
    ];
    for (const input of bad) {
      const error = await appendConsentRecord(db, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(400);
    }
    expect(String(await appendConsentRecord(db, decision({ consentId: "x" })).catch((e: Error) => e.message))).toContain("consentId");
    expect(await count()).toBe(0);
  });
});

describe("when D1 fails", () => {
  it.each(["writes", "all"] as const)("a failing D1 (%s) means no record and a 503 to retry, never a silent success", async (mode) => {
    const writer = createLedgerWriter(failingD1(db, mode));
    const error = await writer.append(decision()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
    expect((error as HttpError).headers["Retry-After"]).toBeDefined();
    expect(await count()).toBe(0);
    // The same writer works again once D1 is back.
    expect((await createLedgerWriter(db).append(decision())).seq).toBe(1);
  });
});

describe("under concurrency", () => {
  it("1,000 concurrent decisions give exactly 1,000 records and a valid chain", async () => {
    const inputs = Array.from({ length: 1000 }, () => decision());
    const records = await Promise.all(inputs.map((d) => appendConsentRecord(db, d)));
    expect(new Set(records.map((r) => r.seq)).size).toBe(1000);
    expect(await count()).toBe(1000);
    const report = await verifyStored();
    expect(report.problems).toEqual([]);
    expect(report.records).toBe(1000);
  });

  it("writers in different isolates (separate queues) racing for the same seq still give one valid chain", async () => {
    const writers = Array.from({ length: 4 }, () => createLedgerWriter(db, { maxBatch: 25 }));
    const records = await Promise.all(Array.from({ length: 400 }, (_, i) => writers[i % 4]!.append(decision())));
    expect(new Set(records.map((r) => r.seq))).toEqual(new Set(Array.from({ length: 400 }, (_, i) => i + 1)));
    expect(await count()).toBe(400);
    expect((await verifyStored()).problems).toEqual([]);
  });

  it("losing a race to another isolate re-reads the head and retries: both records land, in one chain", async () => {
    const other = createLedgerWriter(db);
    const theirs = decision();
    const ours = await createLedgerWriter(racingD1(db, () => other.append(theirs))).append(decision());
    expect(ours.seq).toBe(2);
    const first = await db.prepare("SELECT event_id, hash FROM consent_records WHERE seq = 1").first<{ event_id: string; hash: string }>();
    expect(first).toEqual({ event_id: theirs.eventId, hash: ours.prevHash });
    expect((await verifyStored()).problems).toEqual([]);
  });

  it("a retried event that another isolate stored meanwhile is found, not stored twice", async () => {
    const input = decision();
    const other = createLedgerWriter(db);
    const ours = await createLedgerWriter(racingD1(db, () => other.append(input))).append(input);
    expect(ours.seq).toBe(1);
    expect(await count()).toBe(1);
  });

  it("time never goes backwards along the chain, even when a writer's clock does", async () => {
    const late = createLedgerWriter(db, { now: () => new Date("2030-01-01T00:00:00.000Z") });
    const early = createLedgerWriter(db, { now: () => new Date("2029-01-01T00:00:00.000Z") });
    await late.append(decision());
    const second = await early.append(decision());
    expect(second.recordedAt).toBe("2030-01-01T00:00:00.000Z");
  });
});
