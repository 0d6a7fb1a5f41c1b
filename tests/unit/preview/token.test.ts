// The preview token: what the tools sign (node:crypto) the Worker opens (WebCrypto) till expiry.
import { describe, expect, it } from "vitest";
import { signPreviewToken } from "../../../scripts/lib/preview-token.ts";
import { openPreviewToken } from "../../../worker/preview/token.ts";

const SECRET = "s".repeat(43);
const NOW = 1_800_000_000;

describe("openPreviewToken", () => {
  it("opens a token the tools signed, naming its version and expiry", async () => {
    await expect(
      openPreviewToken(signPreviewToken(SECRET, "3f2a1b9c0d1e", NOW + 60), SECRET, NOW),
    ).resolves.toEqual({
      ok: true,
      version: "3f2a1b9c0d1e",
      expiresAt: NOW + 60,
    });
  });

  it("is expired from its expiry second on", async () => {
    const token = signPreviewToken(SECRET, "3f2a1b9c0d1e", NOW);
    await expect(openPreviewToken(token, SECRET, NOW - 1)).resolves.toMatchObject({ ok: true });
    await expect(openPreviewToken(token, SECRET, NOW)).resolves.toEqual({
      ok: false,
      problem: "expired",
    });
  });

  it("an expired token that does not verify is invalid, not expired: an expiry is believed only once signed", async () => {
    const token = signPreviewToken("t".repeat(43), "3f2a1b9c0d1e", NOW - 60);
    await expect(openPreviewToken(token, SECRET, NOW)).resolves.toEqual({
      ok: false,
      problem: "invalid",
    });
  });

  it("refuses malformed tokens and a missing or short secret", async () => {
    const token = signPreviewToken(SECRET, "3f2a1b9c0d1e", NOW + 60);
    for (const bad of [
      "",
      "x",
      `${token}x`,
      token.replace(".", ".0"),
      token.toUpperCase(),
      `${token}.`,
    ]) {
      await expect(openPreviewToken(bad, SECRET, NOW)).resolves.toEqual({
        ok: false,
        problem: "invalid",
      });
    }
    await expect(openPreviewToken(token, undefined, NOW)).resolves.toEqual({
      ok: false,
      problem: "invalid",
    });
    await expect(
      openPreviewToken(signPreviewToken("short", "3f2a1b9c0d1e", NOW + 60), "short", NOW),
    ).resolves.toEqual({ ok: false, problem: "invalid" });
  });
});
