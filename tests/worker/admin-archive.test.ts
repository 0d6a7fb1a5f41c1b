// D25: GET /admin/archive: each policy version's archive beside its texts, framed, hash checked.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import admin from "../../content/admin.json";
import {
  type ArchiveManifest,
  archiveEntries,
  archiveKey,
} from "../../worker/consent/archive-keys.ts";
import { listShownCategories, serializeShownTexts } from "../../worker/consent/policy-version.ts";
import { hashShownMarkup, renderShownMarkup } from "../../worker/consent/shown-markup.ts";
import { sha256Hex } from "../../lib/bytes.ts";
import { adminWorker, bearer } from "../helpers/admin.ts";
import { consentView } from "../helpers/consent.ts";
import { appendAt, clearLedger, decision } from "../helpers/ledger.ts";
import { type Requester, seed } from "../helpers/worker.ts";

const VERSION = "a1b2c3d4e5f6";
// A 1×1 PNG.
const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  ),
  (c) => c.charCodeAt(0),
);
const view = consentView("it");
const categories = listShownCategories(view, {});
const TEXTS = serializeShownTexts(view, categories);
const shown = renderShownMarkup(view, categories, VERSION);
let worker: Requester;
let textsHash: string;
let markupHash: string;

const bytesHash = async (bytes: Uint8Array<ArrayBuffer> | string) =>
  [
    ...new Uint8Array(
      await crypto.subtle.digest(
        "SHA-256",
        typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
      ),
    ),
  ]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");

async function writeArchive(): Promise<void> {
  const contents = new Map<string, string | Uint8Array>([
    ["it-banner.html", shown.banner],
    ["it-preferences.html", shown.preferences],
    ["stylesheet.css", shown.stylesheet],
    ["consent.js", shown.script],
    ...["phone", "desktop"].flatMap((v) =>
      ["banner", "preferences"].map((l) => [`it-${v}-${l}.png`, PNG] as [string, Uint8Array]),
    ),
  ]);
  const files = await Promise.all(
    [...contents].map(async ([file, bytes]) => ({
      file,
      sha256: await bytesHash(bytes as never),
      ...(file.startsWith("it-") ? { locale: "it" } : {}),
      ...(file.endsWith(".png")
        ? { viewport: file.split("-")[1], layer: file.split("-")[2]!.replace(".png", "") }
        : {}),
    })),
  );
  const { hash, parts } = await hashShownMarkup(shown);
  const manifest: ArchiveManifest = {
    policyVersion: VERSION,
    capturedAt: "2026-03-01T08:00:00.000Z",
    chromium: "142.0.0.0",
    markup: { it: { hash, parts, textsHash } },
    files,
  };
  for (const [key, value] of archiveEntries(manifest, contents)) await env.CONTENT.put(key, value);
}

const page = async (path: string) => {
  const res = await worker(`GET ${path}`, { headers: { ...bearer(), "Accept-Language": "it" } });
  return { res, body: await res.text() };
};

beforeAll(async () => {
  await seed();
  await clearLedger(env.LEDGER);
  worker = await adminWorker();
  textsHash = await sha256Hex(TEXTS);
  markupHash = (await hashShownMarkup(shown)).hash;
  // One decision recorded before D24 (no hash), two with the archived markup's hash.
  await appendAt("2026-03-01T09:00:00.000Z", decision({ texts: TEXTS, policyVersion: VERSION }));
  await appendAt(
    "2026-03-01T09:01:00.000Z",
    decision({ texts: TEXTS, policyVersion: VERSION, shownHash: markupHash }),
  );
  await appendAt(
    "2026-03-01T09:02:00.000Z",
    decision({ texts: TEXTS, policyVersion: VERSION, shownHash: markupHash }),
  );
  await writeArchive();
});

// D25: the archive of what each policy version showed (npm run consent:archive writes it to KV),
// viewable beside the texts: the archived banner and preferences rendered in sandboxed, CSP-locked
// frames, the screenshots served as images, and whether the stored bytes still hash to the D24 hash
// the records carry.
describe("D25: what was shown, archived per policy version, beside its texts", () => {
  it("D25: the texts page shows the archive: the markup in sandboxed frames, the screenshots, intact, matching the records' hash", async () => {
    const { res, body } = await page(`/admin/texts/${textsHash}`);
    expect(res.status).toBe(200);
    const l = admin.it.archive;
    expect(body).toContain(l.heading.replace("{version}", VERSION));
    expect(body).toContain(markupHash);
    expect(body).toContain(l.intact);
    expect(body).toContain(l.recordsCount.replace("{matching}", "2").replace("{other}", "1"));
    expect(body).toMatch(
      new RegExp(
        `<iframe class="archived archived-banner" src="/admin/archive/${VERSION}/it-banner.html" title="${l.bannerFrame}" sandbox[ >]`,
      ),
    );
    expect(body).toMatch(
      new RegExp(
        `<iframe class="archived" src="/admin/archive/${VERSION}/it-preferences.html" title="${l.preferencesFrame}" sandbox[ >]`,
      ),
    );
    for (const shot of [
      "it-phone-banner",
      "it-desktop-banner",
      "it-phone-preferences",
      "it-desktop-preferences",
    ]) {
      expect(body).toContain(`<img src="/admin/archive/${VERSION}/${shot}.png"`);
    }
    expect(body).toContain(`alt="${l.banner}, ${l.phone}"`);
    // The admin page's own CSP lets the frames and images load from the admin origin only.
    expect(res.headers.get("Content-Security-Policy")).toMatch(/img-src 'self'; frame-src 'self'/);
  });

  it("D25: the archived markup is the stored bytes in a document with no script, no form submission, sandboxed, framed only by the dashboard", async () => {
    const { res, body } = await page(`/admin/archive/${VERSION}/it-banner.html`);
    expect(res.status).toBe(200);
    expect(body).toContain(shown.banner);
    expect(body).toContain(`<style>${shown.stylesheet}</style>`);
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-`);
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toMatch(/; sandbox(;|$)/);
    expect(csp).not.toContain("script-src");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("D25: screenshots are served as images, the script as text that never runs; unknown files and versions are 404", async () => {
    const png = await worker(`GET /admin/archive/${VERSION}/it-phone-banner.png`, {
      headers: bearer(),
    });
    expect(png.headers.get("Content-Type")).toBe("image/png");
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(PNG);
    const script = await worker(`GET /admin/archive/${VERSION}/consent.js`, { headers: bearer() });
    expect(script.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await script.text()).toBe(shown.script);
    for (const path of [
      `/admin/archive/${VERSION}/secret.txt`,
      "/admin/archive/000000000000/it-banner.html",
      `/admin/archive/${VERSION}/..%2Fpointer`,
    ]) {
      expect((await worker(`GET ${path}`, { headers: bearer() })).status, path).toBe(404);
    }
  });

  it("D25: without credentials nothing of the archive is served", async () => {
    expect((await worker(`GET /admin/archive/${VERSION}/it-phone-banner.png`)).status).toBe(401);
  });

  it("D25: a stored file changed after archiving is shown as altered", async () => {
    await env.CONTENT.put(
      archiveKey(VERSION, "it-banner.html"),
      shown.banner.replace(view.texts.banner.acceptAll, "Accetta"),
    );
    try {
      const { body } = await page(`/admin/texts/${textsHash}`);
      expect(body).toContain(admin.it.archive.altered);
      expect(body).toContain(
        admin.it.archive.recordsCount.replace("{matching}", "0").replace("{other}", "3"),
      );
    } finally {
      await writeArchive();
    }
  });

  it("D25: a version with no archive says how to make one", async () => {
    await clearLedger(env.LEDGER);
    await appendAt(
      "2026-03-02T09:00:00.000Z",
      decision({ texts: TEXTS, policyVersion: "0f0f0f0f0f0f" }),
    );
    const { body } = await page(`/admin/texts/${textsHash}`);
    expect(body).toContain(admin.it.archive.none);
  });
});
