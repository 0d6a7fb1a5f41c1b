// A project page on paper: Chromium's print rendering, as a visitor without a choice prints it.
import { mkdir, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, browserSuite, newPage } from "../helpers/browser.ts";

const web = browserSuite({ site: {} });

describe.each([
  ["it", "/it/progetti/milano-citta-della-life-sciences"],
  ["en", "/en/projects/milan-city-of-life-sciences"],
])("printing a project page (%s)", (locale, path) => {
  it("prints its text without the banner, navigation, forms or embeds, and says where each link leads", async () => {
    const page = await newPage(web.browser, { javaScriptEnabled: false });
    await page.goto(web.site.url + path);
    await expect(page.locator(".consent-banner").isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "print" });
    for (const selector of [
      ".consent-banner",
      ".site-header",
      ".site-footer",
      ".breadcrumb",
      ".back-links",
      ".embed-placeholder",
    ]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    const visibleForms = await page
      .locator("form")
      .evaluateAll((forms) => forms.filter((f) => f.getClientRects().length > 0).length);
    expect(visibleForms).toBe(0);
    for (const selector of ["h1", ".objective", ".responsible", ".related", ".embed figcaption"]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
    }
    // Every link in the text is followed by its address.
    const links = await page.locator("main a[href]").evaluateAll((anchors) =>
      anchors
        .filter((a) => a.getClientRects().length > 0)
        .map((a) => ({
          href: a.getAttribute("href"),
          after: getComputedStyle(a, "::after").content,
        })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const { href, after } of links) expect(after).toBe(`" (${href})"`);
    await expect(page.locator(".print-source").textContent()).resolves.toContain(
      `${web.site.url}${path}`,
    );
    // Dark panels would waste ink: nothing in print keeps a coloured background.
    const backgrounds = await page.locator("main *").evaluateAll((els) =>
      els
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => getComputedStyle(e).backgroundColor)
        .filter((c) => c !== "rgba(0, 0, 0, 0)" && c !== "rgb(255, 255, 255)"),
    );
    expect(backgrounds).toEqual([]);
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(3);
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(`${SCREENSHOTS}print-project-${locale}.pdf`, pdf);
    await page.screenshot({ path: `${SCREENSHOTS}print-project-${locale}.png`, fullPage: true });
    await page.context().close();
  });
});
