// lib/bytes.ts: the byte encodings agree with each other and with the platform's base64.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url, toBase64UrlAscii } from "../../../lib/bytes.ts";

describe("base64url", () => {
  it("as ASCII bytes is the text's bytes, for every length, and decodes back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(new TextDecoder().decode(toBase64UrlAscii(bytes))).toBe(text);
        expect([...fromBase64Url(text)]).toEqual([...bytes]);
      }),
      { numRuns: 500 },
    );
  });
});
