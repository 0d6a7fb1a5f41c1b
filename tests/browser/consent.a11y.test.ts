// The banner and preferences for people: axe-core, keyboard, focus, contrast, zoom, screenshots.
import type { Page } from "../tools/playwright.ts";
import { describe, expect, it } from "vitest";
import { VIEWPORTS, axeViolations, browserSuite, newPage, screenshot } from "../helpers/browser.ts";
import { contrast, lookOf, storedChoice, styleOf, tabTo } from "../helpers/consent-browser.ts";

const web = browserSuite({ site: { ENVIRONMENT: "production" } });

const BANNER_PAGES = {
  it: "/it/progetti/milano-citta-della-life-sciences",
  en: "/en/projects/milan-city-of-life-sciences",
};
const COOKIE_PAGES = { it: "/it/cookie", en: "/en/cookies" };
const LABELS = {
  it: {
    accept: "Accetta tutto",
    reject: "Rifiuta tutto",
    customize: "Personalizza",
    media: "Video incorporati",
    technical: "Cookie tecnici",
  },
  en: {
    accept: "Accept all",
    reject: "Reject all",
    customize: "Customize",
    media: "Embedded videos",
    technical: "Technical cookies",
  },
};

async function open(path: string, options: Parameters<typeof newPage>[1] = {}): Promise<Page> {
  const page = await newPage(web.browser, options);
  await page.goto(web.site.url + path);
  return page;
}

const buttonsOf = (page: Page, locale: "it" | "en") => {
  const banner = page.locator("section[data-consent-banner]");
  return {
    x: banner.locator("button[value=close]"),
    accept: banner.getByRole("button", { name: LABELS[locale].accept }),
    reject: banner.getByRole("button", { name: LABELS[locale].reject }),
    customize: banner.getByRole("link", { name: LABELS[locale].customize }),
  };
};

// The banner and the preferences for people: axe-core, the keyboard alone, focus, contrast, sizes,
// narrow screens and zoom, equal prominence; and screenshots of both layers at 375 and 1280 px in
// both languages.
describe("(d) axe-core finds nothing to fix", () => {
  it.each(["it", "en"] as const)("on a page with the banner (%s)", async (locale) => {
    const page = await open(BANNER_PAGES[locale]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each(["it", "en"] as const)(
    "on the preferences page, before and after a choice (%s)",
    async (locale) => {
      const page = await open(COOKIE_PAGES[locale]);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: LABELS[locale].accept }).first().click();
      await page.locator("[data-consent-id]").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});

describe("(d) H41: the whole flow by keyboard alone", () => {
  it("refuse from the banner, reopen from the footer, switch videos on, save: never a trap", async () => {
    const page = await open("/en/");
    const { reject, x } = buttonsOf(page, "en");
    expect(await tabTo(page, x)).toBe(2); // after the skip link, the banner comes first
    await tabTo(page, reject);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-consent-done"));
    await tabTo(page, page.locator("footer a[data-consent-open]"));
    await page.keyboard.press("Enter");
    await page.waitForURL("**/en/cookies");
    const media = page.getByRole("switch", { name: LABELS.en.media });
    await tabTo(page, media);
    await page.keyboard.press("Space");
    expect(await media.isChecked()).toBe(true);
    await tabTo(page, page.getByRole("button", { name: "Save choices" }));
    await page.keyboard.press("Enter");
    await page.locator("[data-consent-id]").waitFor();
    expect((await storedChoice(page.context()))?.granted).toEqual(["media"]);
    // No trap: Tab runs through the whole page and leaves it.
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      seen.add(await page.evaluate(() => document.activeElement?.tagName ?? "none"));
    }
    expect(seen.has("BODY") || seen.has("none")).toBe(true);
    await page.context().close();
  });
});

describe("H42-H46: focus, names, states, contrast, sizes, reflow", () => {
  it("H42, H43: the banner is a region in the page flow, not a modal overlay, so it never hides the focused element", async () => {
    // Reduced motion: focus scrolls into view at once, not smoothly.
    const page = await open(BANNER_PAGES.it, {
      viewport: VIEWPORTS.phone,
      reducedMotion: "reduce",
    });
    const region = page.getByRole("region", { name: "Cookie su questo sito" });
    expect(await region.evaluate((element) => getComputedStyle(element).position)).toBe("static");
    expect(await page.locator("[role=dialog], [aria-modal]").count()).toBe(0);
    for (const target of [
      page.locator("header a.brand"),
      page.locator("footer a[data-consent-open]"),
    ]) {
      await tabTo(page, target);
      const covered = await target.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !(top && element.contains(top));
      });
      expect(covered).toBe(false);
    }
    await page.context().close();
  });

  it("H44: focus is visible on every control; switches expose name, role and state", async () => {
    const page = await open(COOKIE_PAGES.en);
    const { x, accept, reject, customize } = buttonsOf(page, "en");
    for (const control of [x, accept, reject, customize]) {
      await tabTo(page, control);
      const outline = await control.evaluate(
        (element) =>
          getComputedStyle(element).outlineStyle + " " + getComputedStyle(element).outlineWidth,
      );
      expect(outline).toMatch(/^solid [3-9]px$/);
    }
    const media = page.getByRole("switch", { name: LABELS.en.media, checked: false });
    expect(await media.count()).toBe(1);
    const technical = page.getByRole("switch", {
      name: LABELS.en.technical,
      checked: true,
      disabled: true,
    });
    expect(await technical.count()).toBe(1);
    await tabTo(page, media);
    const track = page.locator("#category-media + .switch-track");
    expect(await track.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
    await page.context().close();
  });

  it("A4, A6, H45: X, Accept all and Reject all look the same; text contrast ≥ 4.5:1; targets ≥ 24×24 px", async () => {
    for (const [label, viewport] of Object.entries(VIEWPORTS)) {
      const page = await open(BANNER_PAGES.en, { viewport });
      const { x, accept, reject, customize } = buttonsOf(page, "en");
      const [lx, la, lr, lc] = await Promise.all([
        lookOf(x),
        lookOf(accept),
        lookOf(reject),
        lookOf(customize),
      ]);
      for (const look of [lx, lr, lc]) {
        expect(styleOf(look)).toEqual(styleOf(la));
        expect(look.height, label).toBe(la.height);
      }
      for (const look of [lx, la, lr, lc]) {
        expect(contrast(look.color, look.background)).toBeGreaterThanOrEqual(4.5);
        expect(Math.min(look.width, look.height)).toBeGreaterThanOrEqual(24);
      }
      await page.context().close();
    }
  });

  it("H45: switch borders and states contrast ≥ 3:1 with the page; switches are ≥ 24×24 px", async () => {
    const page = await open(COOKIE_PAGES.it);
    const track = page.locator("#category-media + .switch-track");
    const checkedTrack = page.locator("#category-necessary + .switch-track");
    for (const t of [track, checkedTrack]) {
      const {
        border,
        page: paper,
        width,
        height,
      } = await t.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return {
          border: getComputedStyle(element).borderTopColor,
          page: getComputedStyle(document.body).backgroundColor,
          width: box.width,
          height: box.height,
        };
      });
      expect(contrast(border, paper)).toBeGreaterThanOrEqual(3);
      expect(Math.min(width, height)).toBeGreaterThanOrEqual(24);
    }
    const input = await page.getByRole("switch", { name: LABELS.it.media }).boundingBox();
    expect(Math.min(input!.width, input!.height)).toBeGreaterThanOrEqual(24);
    await page.context().close();
  });

  it.each([
    ["320 px wide", { width: 320, height: 640 }],
    ["200% zoom of a 1280 px window", { width: 640, height: 450 }],
  ])(
    "H46: at %s nothing scrolls sideways and every command is on screen; lang is the page's",
    async (_label, viewport) => {
      for (const locale of ["it", "en"] as const) {
        const page = await open(BANNER_PAGES[locale], { viewport });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        for (const control of Object.values(buttonsOf(page, locale))) {
          const box = (await control.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        }
        expect(await page.locator("section[data-consent-banner]").getAttribute("lang")).toBe(
          locale,
        );
        await page.goto(web.site.url + COOKIE_PAGES[locale]);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    },
  );
});

describe("(f) screenshots of both layers", () => {
  it.each(Object.entries(VIEWPORTS))(
    "banner and preferences at %s width, in both languages",
    async (label, viewport) => {
      for (const locale of ["it", "en"] as const) {
        const page = await open(BANNER_PAGES[locale], { viewport });
        await screenshot(page, `consent-banner-${locale}-${viewport.width}`);
        await page.goto(web.site.url + COOKIE_PAGES[locale]);
        await page.getByRole("switch", { name: LABELS[locale].media }).check();
        await page
          .getByRole("button", { name: locale === "it" ? "Salva le scelte" : "Save choices" })
          .click();
        await page.locator("[data-consent-id]").waitFor();
        await screenshot(page, `consent-preferences-${locale}-${viewport.width}`);
        expect(label).toBeTruthy();
        await page.context().close();
      }
    },
  );
});
