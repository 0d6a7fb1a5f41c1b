// The progressive-enhancement script: small, fingerprinted, served as an immutable asset.
import { describe, expect, it } from "vitest";
import { fingerprintConsentScript, serveAsset } from "../../../worker/assets/consent-asset.ts";
import { CONSENT_SCRIPT } from "../../../worker/assets/consent-script.ts";

async function compressedSize(text: string, format: CompressionFormat): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream(format));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe("the consent script", () => {
  it("is at most 3 KB compressed (gzip)", async () => {
    const size = await compressedSize(CONSENT_SCRIPT, "gzip");
    console.log(`consent script: ${CONSENT_SCRIPT.length} bytes raw, ${size} bytes gzip`);
    expect(size).toBeLessThanOrEqual(3072);
  });

  it("is served at a fingerprinted name, immutable, and nowhere else", async () => {
    const path = await fingerprintConsentScript();
    expect(path).toMatch(/^\/assets\/consent\.[0-9a-f]{10}\.js$/);
    const response = (await serveAsset(path))!;
    expect(response.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(await response.text()).toBe(CONSENT_SCRIPT);
    expect(await serveAsset("/assets/consent.0000000000.js")).toBeUndefined();
  });

  it("keeps no comment or indentation when served", () => {
    expect(CONSENT_SCRIPT).not.toMatch(/^\s*\/\//m);
    expect(CONSENT_SCRIPT).not.toMatch(/^[ \t]+/m);
  });
});
