// The visitor's pages in Chromium: no sideways scroll, no axe-core finding, skip link, languages.
import { describe, expect, it } from "vitest";
import consent from "../../content/consent.json";
import { VIEWPORTS, axeViolations, browserSuite, newPage, screenshot } from "../helpers/browser.ts";

const web = browserSuite({ site: {} });

const PAGES = [
  { name: "home-it", path: "/it/", h1: "Far volare Milano" },
  { name: "home-en", path: "/en/", h1: "50 projects to make Milan fly" },
  {
    name: "project-it",
    path: "/it/progetti/milano-citta-della-life-sciences",
    h1: "Milano Città della Life Sciences",
  },
  {
    name: "project-en",
    path: "/en/projects/milan-city-of-life-sciences",
    h1: "Milan, City of Life Sciences",
  },
  { name: "achieved-it", path: "/it/obiettivi-raggiunti", h1: "Obiettivi raggiunti" },
  { name: "notfound-en", path: "/en/projects/no-such-project", h1: "Page not found" },
];

// The visitor's pages in Chromium: no sideways scrolling at phone or desktop width (screenshots
// saved), no axe-core finding, a working skip link and language switch, every project reachable.
describe.each(Object.entries(VIEWPORTS))("at %s width", (label, viewport) => {
  it.each(PAGES)(
    "$name renders without horizontal scrolling and is saved as a screenshot",
    async ({ name, path, h1 }) => {
      const page = await newPage(web.browser, { viewport });
      await page.goto(web.site.url + path);
      await expect(page.locator("h1").first().textContent()).resolves.toBe(h1);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `${name}-${label}`);
      await page.context().close();
    },
  );
});

describe("accessibility and navigation", () => {
  it.each(PAGES.slice(0, 5))(
    "$name has no axe-core violations (WCAG 2.2 AA and best practice)",
    async ({ path }) => {
      const page = await newPage(web.browser);
      await page.goto(web.site.url + path);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );

  it("the skip link is the first stop for the keyboard and moves focus to the content", async () => {
    const page = await newPage(web.browser);
    await page.goto(`${web.site.url}/it/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Vai al contenuto");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.context().close();
  });

  it("the language switch on a project page leads to its twin", async () => {
    const page = await newPage(web.browser);
    await page.goto(`${web.site.url}/it/progetti/milano-citta-della-life-sciences`);
    await page.locator("header a[hreflang=en]").click();
    await page.waitForURL("**/en/projects/milan-city-of-life-sciences");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.context().close();
  });

  it("a visitor can reach every project of the plan from the home page", async () => {
    const page = await newPage(web.browser);
    await page.goto(`${web.site.url}/en/`);
    const links = await page
      .locator(".card-title")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(new Set(links).size).toBe(50);
    expect(links.every((href) => href.startsWith("/en/projects/"))).toBe(true);
    await page.context().close();
  });
});

describe("the cookie notice, in Chromium", () => {
  it("item 1: the Italian notice shows the controller, the processings, the rights and the Garante", async () => {
    const page = await newPage(web.browser, { locale: "it-IT" });
    await page.goto(`${web.site.url}/it/cookie`);
    await expect(page.locator("[data-controller]").textContent()).resolves.toContain(
      consent.controller.address,
    );
    await expect(page.locator("[data-to-confirm]").isVisible()).resolves.toBe(true);
    expect(await page.locator("[data-processing]").count()).toBe(3);
    await expect(page.locator("[data-authority]").textContent()).resolves.toContain(
      consent.authority.address,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "cookie-page-it");
    await page.context().close();
  });
});
