// The per-view nonce: fixed length (so a cached page splices it), signed, expiring, refused when edited.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importConsentKey } from "../../worker/consent/cookie.ts";
import { NONCE_LENGTH, NONCE_PLACEHOLDER, NONCE_TTL_SECONDS, issueNonce, openNonce } from "../../worker/consent/nonce.ts";

const KEY = importConsentKey("n".repeat(40));
const OTHER = importConsentKey("m".repeat(40));
const NOW = Date.UTC(2026, 11, 1, 12);

describe("the per-view nonce", () => {
  it("is as long as the placeholder, base64url, different every time, and opens to its issue time", async () => {
    const a = await issueNonce(await KEY, NOW);
    const b = await issueNonce(await KEY, NOW);
    expect(a).toHaveLength(NONCE_LENGTH);
    expect(NONCE_PLACEHOLDER).toHaveLength(NONCE_LENGTH);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(await openNonce(a, await KEY, NOW + 1000)).toEqual({ issuedAt: NOW / 1000 });
  });

  it("does not open with another key, past its lifetime, from the future, or as the placeholder", async () => {
    const nonce = await issueNonce(await KEY, NOW);
    expect(await openNonce(nonce, await OTHER, NOW)).toBeNull();
    expect(await openNonce(nonce, await KEY, NOW + (NONCE_TTL_SECONDS + 1) * 1000)).toBeNull();
    expect(await openNonce(await issueNonce(await KEY, NOW + 3_600_000), await KEY, NOW)).toBeNull();
    expect(await openNonce(NONCE_PLACEHOLDER, await KEY, NOW)).toBeNull();
    expect(await openNonce(undefined, await KEY, NOW)).toBeNull();
  });

  it("refuses any edited character", async () => {
    const nonce = await issueNonce(await KEY, NOW);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    await fc.assert(
      fc.asyncProperty(fc.nat(NONCE_LENGTH - 1), fc.constantFrom(...alphabet), async (at, char) => {
        fc.pre(nonce[at] !== char);
        const edited = nonce.slice(0, at) + char + nonce.slice(at + 1);
        expect(await openNonce(edited, await KEY, NOW)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
