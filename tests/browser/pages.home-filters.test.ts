// Filtering the plan in Chromium, JavaScript off: the form, its canonical URL, the result count.
import { describe, expect, it } from "vitest";
import {
  SCREENSHOTS,
  VIEWPORTS,
  axeViolations,
  browserSuite,
  newPage,
  screenshot,
} from "../helpers/browser.ts";

const web = browserSuite({ site: {} });

const CASES = [
  {
    locale: "it",
    chapter: "milano",
    status: "raggiunto",
    url: "/it/?capitolo=milano&stato=raggiunto",
    count: /^\d+ progett[oi]: Milano al centro, Raggiunto$/,
  },
  {
    locale: "en",
    chapter: "imprese",
    status: "in-progress",
    url: "/en/?chapter=imprese&status=in-progress",
    count: /^\d+ projects?: .+, In progress$/,
  },
] as const;

// Filtering the plan in Chromium with JavaScript off: the plain form, the canonical URL it lands
// on, the result count.
describe.each(Object.entries(VIEWPORTS))(
  "filtering at %s width, without JavaScript",
  (label, viewport) => {
    it.each(CASES)(
      "$locale: the form leads to $url, says how many, and fits the screen",
      async ({ locale, chapter, status, url, count }) => {
        const page = await newPage(web.browser, { viewport, javaScriptEnabled: false });
        await page.goto(`${web.site.url}/${locale}/`);
        await page.locator("#filter-chapter").selectOption(chapter);
        await page.locator("#filter-status").selectOption(status);
        await Promise.all([
          page.waitForURL(`**${url}#results`),
          page.locator(".filter-apply").click(),
        ]);
        const results = (await page.locator("#results").textContent()) ?? "";
        expect(results).toMatch(count);
        const shown = await page.locator(".card").count();
        expect(results.startsWith(`${shown} `)).toBe(true);
        expect(await page.title()).toBe(`${results} · Far volare Milano`);
        // The form shows the filter it applied, and the result line is in view.
        expect(await page.locator("#filter-chapter").inputValue()).toBe(chapter);
        expect(await page.locator("#results").isVisible()).toBe(true);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await screenshot(page, `home-filtered-${locale}-${label}`);
        // What the visitor sees on arrival: the page scrolled to the result count.
        await page.screenshot({
          path: `${SCREENSHOTS}home-filtered-${locale}-${label}-arrival.png`,
        });
        await page.context().close();
        // axe-core runs as a script, so on a page of its own.
        const checked = await newPage(web.browser, { viewport });
        await checked.goto(`${web.site.url}${url}`);
        expect(await axeViolations(checked)).toEqual([]);
        await checked.context().close();
      },
    );
  },
);

describe("clearing the filters", () => {
  it("the reset link brings back all 50 projects", async () => {
    const page = await newPage(web.browser, { javaScriptEnabled: false });
    await page.goto(`${web.site.url}/en/?status=achieved`);
    await Promise.all([page.waitForURL("**/en/#results"), page.locator(".filter-reset").click()]);
    expect(await page.locator(".card").count()).toBe(50);
    expect(await page.locator("#results").textContent()).toBe("50 projects");
    await page.context().close();
  });
});
