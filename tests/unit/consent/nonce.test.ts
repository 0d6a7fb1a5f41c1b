// The per-view nonce: fixed length (a cached page splices it), signed, expiring, refused if edited.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url } from "../../../lib/bytes.ts";
import {
  NONCE_LENGTH,
  NONCE_PLACEHOLDER,
  NONCE_TTL_SECONDS,
  issueNonce,
  nonceKey,
  openNonce,
} from "../../../worker/consent/nonce.ts";

const SECRET = "n".repeat(40);
const KEY = nonceKey(SECRET)!;
const OTHER = nonceKey("m".repeat(40))!;
const NOW = Date.UTC(2026, 11, 1, 12);

describe("the per-view nonce", () => {
  it("is as long as the placeholder, base64url, different every time, and opens to its issue time", () => {
    const a = issueNonce(KEY, NOW);
    const b = issueNonce(KEY, NOW);
    expect(a).toHaveLength(NONCE_LENGTH);
    expect(NONCE_PLACEHOLDER).toHaveLength(NONCE_LENGTH);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(openNonce(a, KEY, NOW + 1000)).toEqual({ issuedAt: NOW / 1000 });
  });

  it("does not open with another key, past its lifetime, from the future, or as the placeholder", () => {
    const nonce = issueNonce(KEY, NOW);
    expect(openNonce(nonce, OTHER, NOW)).toBeNull();
    expect(openNonce(nonce, KEY, NOW + (NONCE_TTL_SECONDS + 1) * 1000)).toBeNull();
    expect(openNonce(issueNonce(KEY, NOW + 3_600_000), KEY, NOW)).toBeNull();
    expect(openNonce(NONCE_PLACEHOLDER, KEY, NOW)).toBeNull();
    expect(openNonce(undefined, KEY, NOW)).toBeNull();
  });

  it("refuses any edited character", () => {
    const nonce = issueNonce(KEY, NOW);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    fc.assert(
      fc.property(fc.nat(NONCE_LENGTH - 1), fc.constantFrom(...alphabet), (at, char) => {
        fc.pre(nonce[at] !== char);
        const edited = nonce.slice(0, at) + char + nonce.slice(at + 1);
        expect(openNonce(edited, KEY, NOW)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it("is signed with HMAC-SHA256 of CONSENT_SECRET, as WebCrypto computes it, over the nonce domain, random part and time", async () => {
    const webcrypto = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(SECRET),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    for (let i = 0; i < 20; i++) {
      const bytes = fromBase64Url(issueNonce(KEY, NOW + i * 997_000));
      const message = new Uint8Array([
        ...new TextEncoder().encode("fvm-nonce\0"),
        ...bytes.subarray(0, 12),
      ]);
      const mac = new Uint8Array(await crypto.subtle.sign("HMAC", webcrypto, message));
      expect([...bytes.subarray(12)]).toEqual([...mac.subarray(0, 12)]);
    }
  });

  it("has no key for a missing or short CONSENT_SECRET (the page gets a filler, the post is refused)", () => {
    expect(nonceKey(undefined)).toBeNull();
    expect(nonceKey("short")).toBeNull();
  });
});
