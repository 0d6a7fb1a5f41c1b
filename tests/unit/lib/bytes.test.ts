// lib/bytes.ts: base64url, short or long, as text or ASCII, is the platform's and decodes back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url, toBase64UrlAscii } from "../../../lib/bytes.ts";

/** base64url as the platform's btoa makes it, written out here independently of lib/bytes.ts. */
function platformBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

describe("base64url", () => {
  it("is the platform's for every length, on both sides of the short-input path, and decodes back", () => {
    const lengths = fc.oneof(fc.nat(80), fc.integer({ min: 3060, max: 3090 }));
    fc.assert(
      fc.property(
        lengths.chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        (bytes) => {
          const expected = platformBase64Url(bytes);
          expect(toBase64Url(bytes)).toBe(expected);
          expect(new TextDecoder().decode(toBase64UrlAscii(bytes))).toBe(expected);
          expect([...fromBase64Url(expected)]).toEqual([...bytes]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
