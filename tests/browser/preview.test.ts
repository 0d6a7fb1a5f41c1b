// A staged version's preview in Chromium: the bar on phone and desktop, both languages, browsing.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildVersion } from "../../content/build.ts";
import { validateContent } from "../../content/validate.ts";
import { readContentFiles } from "../../scripts/lib/content-files.ts";
import { signPreviewToken } from "../../scripts/lib/preview-token.ts";
import { VIEWPORTS, axeViolations, browserSuite, newPage, screenshot } from "../helpers/browser.ts";

const SECRET = randomBytes(32).toString("base64url");
const PAGES = {
  it: {
    path: "/it/progetti/milano-citta-della-life-sciences",
    h1: "Milano Città della Life Sciences (nuovo titolo)",
    label: "Anteprima",
  },
  en: {
    path: "/en/projects/milan-city-of-life-sciences",
    h1: "Milan, City of Life Sciences (new title)",
    label: "Preview",
  },
};

const web = browserSuite({ site: { PREVIEW_SECRET: SECRET } });
let version: string;
let token: string;

beforeAll(async () => {
  // Stage a version as content:publish --stage does: every key uploaded, the pointer left where
  // it is.
  const result = validateContent(await readContentFiles());
  if (!result.ok) throw new Error("content/ is invalid");
  const project = result.bundle.projects.find((p) => p.id === "life-sciences")!;
  project.text.it.title += " (nuovo titolo)";
  project.text.en.title += " (new title)";
  const built = await buildVersion(result.bundle);
  const kv = await web.site.mf.getKVNamespace("CONTENT");
  await Promise.all([...built.entries].map(([key, value]) => kv.put(key, value)));
  version = built.version;
  token = signPreviewToken(SECRET, version, Math.floor(Date.now() / 1000) + 48 * 3600);
});

// A staged version's preview in Chromium: the bar on phone and desktop, in both languages, browsing
// inside the preview.
describe.each(Object.entries(VIEWPORTS))("a preview page at %s width", (label, viewport) => {
  it.each(Object.entries(PAGES))(
    "%s: the staged title under the bar, no horizontal scrolling, saved as a screenshot",
    async (locale, { path, h1, label: barLabel }) => {
      const page = await newPage(web.browser, { viewport });
      await page.goto(`${web.site.url}${path}?preview=${token}`);
      await expect(page.locator("h1").first().textContent()).resolves.toBe(h1);
      const bar = page.locator("[data-preview-bar]");
      await expect(bar.isVisible()).resolves.toBe(true);
      await expect(bar.locator(".preview-label").textContent()).resolves.toBe(barLabel);
      await expect(bar.textContent()).resolves.toContain(version);
      // The bar sits at the top of the page, above the site's header.
      const [barBox, headerBox] = await Promise.all([
        bar.boundingBox(),
        page.locator(".site-header").boundingBox(),
      ]);
      expect(barBox!.y).toBe(0);
      expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(headerBox!.y + 1);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `preview-project-${locale}-${label}`);
      await page.context().close();
    },
  );
});

describe("browsing a preview", () => {
  it("has no axe-core violations, the bar included", async () => {
    const page = await newPage(web.browser);
    await page.goto(`${web.site.url}${PAGES.en.path}?preview=${token}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("a link followed inside the preview stays in it; the bar's link leads to the live page", async () => {
    const page = await newPage(web.browser);
    await page.goto(`${web.site.url}${PAGES.it.path}?preview=${token}`);
    await page.locator(".site-nav a").first().click();
    await page.waitForURL(/\/it\/\?preview=/);
    await expect(page.locator("[data-preview-bar]").count()).resolves.toBe(1);
    await expect(page.locator("main").textContent()).resolves.toContain(PAGES.it.h1);
    await page.locator("[data-preview-exit]").click();
    await page.waitForURL(`${web.site.url}/it/`);
    await expect(page.locator("[data-preview-bar]").count()).resolves.toBe(0);
    await expect(page.locator("main").textContent()).resolves.not.toContain("(nuovo titolo)");
    await page.context().close();
  });
});
