import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalCheckpoint, canonicalRecord, hashRecord, sha256Hex } from "../../worker/ledger/canonical.ts";
import type { RecordBody } from "../../worker/ledger/record.ts";

const body: RecordBody = {
  seq: 1,
  recordedAt: "2026-01-01T00:00:00.000Z",
  eventId: "event-00000001",
  consentId: "consent-00000001",
  action: "save",
  method: "preferences",
  signals: ["gpc", "dnt"],
  categories: { necessary: true, media: true, analytics: false },
  locale: "it",
  policyVersion: "a1b2c3d4e5f6",
  textsHash: "ab".repeat(32),
};

describe("the canonical form a record's hash covers", () => {
  it("has a fixed key order, sorted categories and signals, no whitespace", () => {
    expect(canonicalRecord(body)).toBe(
      '{"v":1,"seq":1,"recordedAt":"2026-01-01T00:00:00.000Z","eventId":"event-00000001","consentId":"consent-00000001","action":"save","method":"preferences","signals":["dnt","gpc"],"categories":{"analytics":false,"media":true,"necessary":true},"locale":"it","policyVersion":"a1b2c3d4e5f6","textsHash":"' +
        "ab".repeat(32) +
        '"}',
    );
  });

  it("does not depend on how the object was built", () => {
    const shuffled = Object.fromEntries(Object.entries(body).reverse()) as RecordBody;
    expect(canonicalRecord({ ...shuffled, categories: { analytics: false, necessary: true, media: true } })).toBe(canonicalRecord(body));
  });

  it("hashes SHA-256 over the previous hash, a newline and the canonical form (a published test vector)", async () => {
    const expected = await sha256Hex(`${GENESIS_HASH}\n${canonicalRecord(body)}`);
    expect(await hashRecord(GENESIS_HASH, body)).toBe(expected);
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("changes with any field, and with the previous hash", async () => {
    const base = await hashRecord(GENESIS_HASH, body);
    expect(await hashRecord("1".repeat(64), body)).not.toBe(base);
    expect(await hashRecord(GENESIS_HASH, { ...body, categories: { ...body.categories, analytics: true } })).not.toBe(base);
    expect(await hashRecord(GENESIS_HASH, { ...body, signals: [] })).not.toBe(base);
  });

  it("signs checkpoints over a canonical statement of seq, head, time and key", () => {
    expect(canonicalCheckpoint({ seq: 9, headHash: "cd".repeat(32), signedAt: "2026-01-01T01:07:00.000Z", keyId: "0123456789abcdef" })).toBe(
      `{"v":1,"type":"checkpoint","seq":9,"headHash":"${"cd".repeat(32)}","signedAt":"2026-01-01T01:07:00.000Z","keyId":"0123456789abcdef"}`,
    );
  });
});
