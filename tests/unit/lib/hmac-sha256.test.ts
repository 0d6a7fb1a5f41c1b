// The synchronous HMAC-SHA256 gives WebCrypto's bytes for any key and message, across block edges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hmacSha256, hmacSha256Key } from "../../../lib/hmac-sha256.ts";

async function webCrypto(key: Uint8Array, message: Uint8Array): Promise<number[]> {
  const imported = await crypto.subtle.importKey(
    "raw",
    new Uint8Array(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return [...new Uint8Array(await crypto.subtle.sign("HMAC", imported, new Uint8Array(message)))];
}

describe("HMAC-SHA256 without WebCrypto", () => {
  it("matches RFC 4231's first test case", () => {
    const mac = hmacSha256(
      hmacSha256Key(new Uint8Array(20).fill(0x0b)),
      new TextEncoder().encode("Hi There"),
    );
    expect([...mac].map((b) => b.toString(16).padStart(2, "0")).join("")).toBe(
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    );
  });

  it("gives WebCrypto's MAC for every length of key and message around the block edges", async () => {
    for (const keyLength of [1, 32, 63, 64, 65, 100]) {
      const key = crypto.getRandomValues(new Uint8Array(keyLength));
      const signer = hmacSha256Key(key);
      for (const length of [0, 1, 12, 22, 55, 56, 63, 64, 65, 119, 120, 128, 200]) {
        const message = crypto.getRandomValues(new Uint8Array(length));
        expect([...hmacSha256(signer, message)], `key ${keyLength}, message ${length}`).toEqual(
          await webCrypto(key, message),
        );
      }
    }
  });

  it("gives WebCrypto's MAC for random keys and messages (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.uint8Array({ maxLength: 300 }),
        async (key, message) => {
          expect([...hmacSha256(hmacSha256Key(key), message)]).toEqual(
            await webCrypto(key, message),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
