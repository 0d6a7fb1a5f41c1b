// D25 in Chromium: a DPO sees, beside the texts a visitor was shown, that version's archive.
import type { Browser } from "../tools/playwright.ts";
import { beforeAll, describe, expect, it } from "vitest";
import admin from "../../content/admin.json";
import type { ServedSite } from "../../scripts/lib/serve-bundle.ts";
import { LOCALES } from "../../content/locales.ts";
import { type ArchiveManifest, archiveEntries } from "../../worker/consent/archive-keys.ts";
import { listShownCategories } from "../../worker/consent/policy-version.ts";
import { hashShownMarkup, renderShownMarkup } from "../../worker/consent/shown-markup.ts";
import { buildConsentView } from "../../content/consent-view.ts";
import { validateContent } from "../../content/validate.ts";
import { readContentFiles } from "../../scripts/lib/content-files.ts";
import {
  ADMIN_TEST_TOKEN,
  axeViolations,
  browserSuite,
  cspViolations,
  newPage,
  screenshot,
  SCREENSHOTS,
  signedInPage,
  VIEWPORTS,
} from "../helpers/browser.ts";

const web = browserSuite({ site: { ADMIN_TOKEN: ADMIN_TEST_TOKEN } });
let site: ServedSite;
let browser: Browser;
let textsHash: string;

const sha256 = async (bytes: Uint8Array) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");

beforeAll(async () => {
  ({ site, browser } = web);
  // A visitor refuses on the Italian banner: one record, with the texts and the D24 hash of what
  // it showed.
  const visitor = await newPage(browser);
  await visitor.goto(`${site.url}/it/`);
  await visitor.locator('form[action="/consent"] button[value="reject_all"]').first().click();
  await visitor.waitForURL(`${site.url}/it/`);
  await visitor.context().close();
  const ledger = await site.mf.getD1Database("LEDGER");
  const record = (await ledger
    .prepare("SELECT policy_version, texts_hash, shown_hash FROM consent_records")
    .first<{ policy_version: string; texts_hash: string; shown_hash: string }>())!;
  textsHash = record.texts_hash;
  // The archive as npm run consent:archive makes it: the markup and the screenshots of the
  // served pages.
  const version = record.policy_version;
  const contents = new Map<string, Uint8Array | string>();
  const files: ArchiveManifest["files"] = [];
  const markup: ArchiveManifest["markup"] = {};
  const add = async (
    file: string,
    bytes: Uint8Array | string,
    facts: Partial<ArchiveManifest["files"][number]> = {},
  ) => {
    contents.set(file, bytes);
    files.push({
      file,
      sha256: await sha256(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes),
      ...facts,
    });
  };
  const content = validateContent(await readContentFiles());
  if (!content.ok) throw new Error("content/ is invalid");
  for (const locale of LOCALES) {
    const view = buildConsentView(
      content.bundle.consent,
      locale,
      "archive",
      content.bundle.strings[locale].dates,
    );
    const shown = renderShownMarkup(view, listShownCategories(view, {}), version);
    markup[locale] = { ...(await hashShownMarkup(shown)), textsHash: "" };
    await add(`${locale}-banner.html`, shown.banner, { locale, layer: "banner" });
    await add(`${locale}-preferences.html`, shown.preferences, { locale, layer: "preferences" });
    if (locale === "it") {
      await add("stylesheet.css", shown.stylesheet);
      await add("consent.js", shown.script);
    }
  }
  expect(markup.it!.hash).toBe(record.shown_hash);
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await newPage(browser, { viewport, deviceScaleFactor: name === "phone" ? 2 : 1 });
    await page.goto(`${site.url}/it/`);
    await add(`it-${name}-banner.png`, await page.locator("[data-consent-banner]").screenshot(), {
      locale: "it",
      viewport: name,
      layer: "banner",
    });
    await page.goto(`${site.url}/it/cookie`);
    await add(`it-${name}-preferences.png`, await page.locator("#preferences").screenshot(), {
      locale: "it",
      viewport: name,
      layer: "preferences",
    });
    await page.context().close();
  }
  const kv = await site.mf.getKVNamespace("CONTENT");
  const manifest: ArchiveManifest = {
    policyVersion: version,
    capturedAt: new Date().toISOString(),
    chromium: browser.version(),
    markup,
    files,
  };
  for (const [key, value] of archiveEntries(manifest, contents)) await kv.put(key, value);
});

// D25 in Chromium: an Italian DPO opens the texts a visitor was shown and sees, beside them, the
// archive of that policy version: the archived banner and preferences rendered in sandboxed frames
// and the screenshots, with no CSP violation, at phone and desktop width.
describe("D25: the archive beside the texts, in Italian", () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`D25: ${name}: the archived banner and preferences render in their frames, the screenshots load, no CSP violation`, async () => {
      const officer = await signedInPage(browser, "dpo", {
        viewport,
        locale: "it-IT",
        extraHTTPHeaders: { "Accept-Language": "it-IT,it;q=0.9" },
      });
      const violations = cspViolations(officer);
      await officer.goto(`${site.url}/admin/texts/${textsHash}`);
      const l = admin.it.archive;
      await expect(
        officer
          .locator("section h2")
          .filter({ hasText: l.heading.split(" (")[0]! })
          .count(),
      ).resolves.toBe(1);
      await expect(officer.locator("strong", { hasText: l.intact }).count()).resolves.toBe(1);
      const banner = officer.frameLocator(`iframe[title="${l.bannerFrame}"]`);
      await expect(banner.locator("[data-consent-banner]").count()).resolves.toBe(1);
      // The archived stylesheet applies inside the frame: the banner has its accent border, not
      // unstyled text.
      await expect(
        banner
          .locator("[data-consent-banner]")
          .evaluate((el) => getComputedStyle(el).borderTopWidth),
      ).resolves.toBe("4px");
      const preferences = officer.frameLocator(`iframe[title="${l.preferencesFrame}"]`);
      await expect(preferences.locator("[data-consent-preferences]").count()).resolves.toBe(1);
      const images = officer.locator(".shots img");
      await expect(images.count()).resolves.toBe(4);
      for (const img of await images.all()) {
        await img.scrollIntoViewIfNeeded();
        await expect
          .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
          .toBeGreaterThan(100);
      }
      expect(violations).toEqual([]);
      expect(await axeViolations(officer)).toEqual([]);
      await screenshot(officer, `admin-archive-it-${name}`);
      // The section itself, scrolled into view: a full-page capture leaves out-of-process
      // frames blank.
      await officer.locator(`iframe[title="${l.bannerFrame}"]`).scrollIntoViewIfNeeded();
      await officer
        .locator("section", { has: officer.locator(`iframe[title="${l.bannerFrame}"]`) })
        .screenshot({ path: `${SCREENSHOTS}admin-archive-it-${name}-section.png` });
      await officer.context().close();
    });
  }
});
