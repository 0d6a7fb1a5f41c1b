// A record's canonical form: fixed, no whitespace, hashed as an RFC 9162 leaf; statements typed.
import { describe, expect, it } from "vitest";
import {
  canonicalRecord,
  canonicalTreeHead,
  leafHashOf,
} from "../../../worker/ledger/canonical-record.ts";
import { sha256Hex } from "../../../lib/bytes.ts";
import { canonicalManifest } from "../../../worker/ledger/manifest.ts";
import { hashLeaf } from "../../../worker/ledger/merkle-hash.ts";
import type { RecordBody } from "../../../worker/ledger/record-types.ts";

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

describe("the canonical form a record's leaf covers", () => {
  it("has a fixed key order, sorted categories and signals, no whitespace", () => {
    expect(canonicalRecord(body)).toBe(
      '{"v":2,"seq":1,"recordedAt":"2026-01-01T00:00:00.000Z","eventId":"event-00000001","consentId":"consent-00000001","action":"save","method":"preferences","signals":["dnt","gpc"],"categories":{"analytics":false,"media":true,"necessary":true},"locale":"it","policyVersion":"a1b2c3d4e5f6","textsHash":"' +
        "ab".repeat(32) +
        '"}',
    );
  });

  it("D24: ends with the shown-markup hash when the record has one, and is unchanged for a record without", async () => {
    const before = canonicalRecord(body);
    const shown = { ...body, shownHash: "cd".repeat(32) };
    expect(canonicalRecord(shown)).toBe(`${before.slice(0, -1)},"shownHash":"${"cd".repeat(32)}"}`);
    expect(canonicalRecord({ ...body, shownHash: undefined })).toBe(before);
    expect(await leafHashOf(shown)).not.toBe(await leafHashOf(body));
  });

  it("does not depend on how the object was built", () => {
    const shuffled = Object.fromEntries(Object.entries(body).reverse()) as RecordBody;
    expect(
      canonicalRecord({
        ...shuffled,
        categories: { analytics: false, necessary: true, media: true },
      }),
    ).toBe(canonicalRecord(body));
  });

  it("is hashed as an RFC 9162 leaf: SHA-256 of 0x00 and its UTF-8 bytes", async () => {
    const bytes = new TextEncoder().encode(canonicalRecord(body));
    const digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", new Uint8Array([0, ...bytes])),
    );
    expect(await leafHashOf(body)).toBe(
      [...digest].map((b) => b.toString(16).padStart(2, "0")).join(""),
    );
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("changes with any field", async () => {
    const base = await leafHashOf(body);
    expect(await leafHashOf({ ...body, seq: 2 })).not.toBe(base);
    expect(
      await leafHashOf({ ...body, categories: { ...body.categories, analytics: true } }),
    ).not.toBe(base);
    expect(await leafHashOf({ ...body, signals: [] })).not.toBe(base);
    expect(await hashLeaf(canonicalRecord(body))).toBe(base);
  });

  it("signs tree heads and manifests over canonical statements that name their type", () => {
    expect(
      canonicalTreeHead({
        size: 9,
        root: "cd".repeat(32),
        timestamp: "2026-01-01T01:07:00.000Z",
        keyId: "0123456789abcdef",
      }),
    ).toBe(
      `{"v":2,"type":"tree_head","size":9,"root":"${"cd".repeat(32)}","timestamp":"2026-01-01T01:07:00.000Z","keyId":"0123456789abcdef"}`,
    );
    const manifest = {
      generatedAt: "2026-01-02T00:00:00.000Z",
      scope: "filtered" as const,
      filter: { consentId: "c-12345678", action: undefined },
      treeSize: 9,
      root: "cd".repeat(32),
      selection: "ef".repeat(32),
      keyId: "0123456789abcdef",
    };
    expect(canonicalManifest(manifest)).toBe(
      `{"v":2,"type":"export_manifest","generatedAt":"2026-01-02T00:00:00.000Z","scope":"filtered","filter":{"consentId":"c-12345678"},"treeSize":9,"root":"${"cd".repeat(32)}","selection":"${"ef".repeat(32)}","keyId":"0123456789abcdef"}`,
    );
  });
});
