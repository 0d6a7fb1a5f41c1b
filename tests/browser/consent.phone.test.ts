// The banner on phones, in Chromium: every choice in the first screen, equal, nothing shifts.
import { writeFile } from "node:fs/promises";
import type { Page } from "../tools/playwright.ts";
import { afterAll, describe, expect, it } from "vitest";
import consent from "../../content/consent.json";
import { SCREENSHOTS, browserSuite, newPage } from "../helpers/browser.ts";
import { lookOf, storedChoice, styleOf } from "../helpers/consent-browser.ts";

const web = browserSuite({
  site: { ENVIRONMENT: "production" },
  analyticsSite: { ENVIRONMENT: "production", GA_MEASUREMENT_ID: "G-TEST12345" },
});
afterAll(async () => {
  await writeFile(`${SCREENSHOTS}consent-banner-phone.json`, JSON.stringify(ratios, null, 2)).catch(
    () => {},
  );
  console.table(ratios);
});

const PHONES = [
  { width: 320, height: 568 },
  { width: 360, height: 640 },
  { width: 375, height: 667 },
  { width: 414, height: 896 },
] as const;
const LOCALES = ["it", "en"] as const;
type Locale = (typeof LOCALES)[number];
/**
 * The page with the most above its heading (breadcrumb, eyebrow): if its heading shows, every
 * page's does.
 */
const PROJECT = {
  it: "/it/progetti/milano-citta-della-life-sciences",
  en: "/en/projects/milan-city-of-life-sciences",
};
const TEXTS = { it: consent.texts.it.banner, en: consent.texts.en.banner };
const ratios: {
  viewport: string;
  locale: Locale;
  javaScript: boolean;
  banner: number;
  ratio: number;
  headingTop: number;
  headingShown: boolean;
}[] = [];

async function open(
  path: string,
  viewport: { width: number; height: number },
  javaScript = true,
): Promise<Page> {
  const page = await newPage(web.browser, {
    viewport,
    javaScriptEnabled: javaScript,
    reducedMotion: "reduce",
  });
  await page.goto(web.site.url + path);
  return page;
}

const controlsOf = (page: Page, locale: Locale) => {
  const banner = page.locator("section[data-consent-banner]");
  return {
    x: banner.locator("button[value=close]"),
    accept: banner.getByRole("button", { name: TEXTS[locale].acceptAll, exact: true }),
    reject: banner.getByRole("button", { name: TEXTS[locale].rejectAll, exact: true }),
    customize: banner.getByRole("link", { name: TEXTS[locale].customize, exact: true }),
  };
};

/**
 * Where the banner ends and the page's heading starts, and whether the heading's first line is
 * on screen.
 */
function measureFirstScreen(page: Page) {
  return page.evaluate(() => {
    const banner = document.querySelector("[data-consent-banner]")!.getBoundingClientRect();
    const heading = document.querySelector("main h1")!;
    const box = heading.getBoundingClientRect();
    const firstLine = parseFloat(getComputedStyle(heading).lineHeight);
    return {
      scrollY: window.scrollY,
      banner: banner.height,
      bannerBottom: banner.bottom,
      headingTop: box.top,
      headingShown: box.top >= banner.bottom && box.top + firstLine <= window.innerHeight,
    };
  });
}

// The banner on phones, measured in Chromium: every choice in the first screen, equal, with the
// page's heading beneath; the first layer keeps all it must; the disclosure works without
// JavaScript; closing shifts nothing.
describe("A4, A5 on phones: X, Accept all, Reject all and Customize in the first screen, one look", () => {
  for (const viewport of PHONES) {
    for (const locale of LOCALES) {
      it.each([true, false])(
        `${viewport.width}×${viewport.height} ${locale}, JavaScript %s`,
        async (javaScript) => {
          const page = await open(PROJECT[locale], viewport, javaScript);
          const controls = controlsOf(page, locale);
          const boxes = await Promise.all(
            Object.values(controls).map(async (control) => (await control.boundingBox())!),
          );
          for (const [name, box] of Object.keys(controls).map(
            (name, i) => [name, boxes[i]!] as const,
          )) {
            expect(box.x, name).toBeGreaterThanOrEqual(0);
            expect(box.y, name).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width, name).toBeLessThanOrEqual(viewport.width);
            expect(box.y + box.height, name).toBeLessThanOrEqual(viewport.height);
          }
          const [x, ...choices] = await Promise.all(Object.values(controls).map(lookOf));
          for (const look of choices) {
            expect([...styleOf(look), look.height]).toEqual([...styleOf(x!), x!.height]);
            // The three labelled choices share one width too; the X is a square of the same height.
            expect(look.width).toBeCloseTo(choices[0]!.width, 0);
          }
          expect(x!.width).toBeCloseTo(x!.height, 0);

          const screen = await measureFirstScreen(page);
          expect(screen.scrollY).toBe(0);
          const ratio = Math.round((screen.banner / viewport.height) * 1000) / 1000;
          ratios.push({
            viewport: `${viewport.width}×${viewport.height}`,
            locale,
            javaScript,
            banner: Math.round(screen.banner),
            ratio,
            headingTop: Math.round(screen.headingTop),
            headingShown: screen.headingShown,
          });
          if (viewport.width === 375) expect(ratio).toBeLessThanOrEqual(0.4);
          expect(screen.headingShown).toBe(true);
          if (javaScript)
            await page.screenshot({
              path: `${SCREENSHOTS}consent-banner-phone-${locale}-${viewport.width}x${viewport.height}.png`,
            });
          await page.context().close();
        },
      );
    }
  }
});

describe("with Google Analytics configured, two purposes to name", () => {
  it.each(LOCALES)(
    "%s at 375×667: still at most 40% of the screen, the heading beneath",
    async (locale) => {
      const page = await newPage(web.browser, { viewport: { width: 375, height: 667 } });
      await page.goto(web.analyticsSite.url + PROJECT[locale]);
      expect(
        await page.locator("section[data-consent-banner] .consent-notice").innerText(),
      ).toContain(consent.categories[1]!.name[locale]);
      const screen = await measureFirstScreen(page);
      const ratio = Math.round((screen.banner / 667) * 1000) / 1000;
      ratios.push({
        viewport: "375×667 GA4",
        locale,
        javaScript: true,
        banner: Math.round(screen.banner),
        ratio,
        headingTop: Math.round(screen.headingTop),
        headingShown: screen.headingShown,
      });
      expect(ratio).toBeLessThanOrEqual(0.4);
      expect(screen.headingShown).toBe(true);
      await page.context().close();
    },
  );
});

describe("F36 on phones: with a privacy signal the banner says so, and the choices still fit", () => {
  it.each([
    { width: 320, height: 568 },
    { width: 375, height: 667 },
  ])("$width×$height, Sec-GPC: 1", async (viewport) => {
    const page = await newPage(web.browser, { viewport, extraHTTPHeaders: { "Sec-GPC": "1" } });
    await page.goto(web.site.url + PROJECT.it);
    expect(await page.getByText(TEXTS.it.signalNotice).isVisible()).toBe(true);
    for (const control of Object.values(controlsOf(page, "it"))) {
      const box = (await control.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    }
    const screen = await measureFirstScreen(page);
    ratios.push({
      viewport: `${viewport.width}×${viewport.height} GPC`,
      locale: "it",
      javaScript: true,
      banner: Math.round(screen.banner),
      ratio: Math.round((screen.banner / viewport.height) * 1000) / 1000,
      headingTop: Math.round(screen.headingTop),
      headingShown: screen.headingShown,
    });
    await page.context().close();
  });
});

describe("A2, A9: the first layer keeps what the law asks for, on screen, not folded away", () => {
  it.each(LOCALES)(
    "%s at 320×568: X sentence, short notice with purposes, withdrawal, policy link, all visible",
    async (locale) => {
      const page = await open(PROJECT[locale], { width: 320, height: 568 }, false);
      const banner = page.locator("section[data-consent-banner]");
      const notice = banner.locator("p.consent-notice");
      const text = await notice.innerText();
      const texts = TEXTS[locale];
      for (const sentence of [texts.intro, texts.closeNotice, texts.withdrawNotice])
        expect(text).toContain(sentence);
      for (const category of consent.categories.filter((c) => !c.required && c.id === "media")) {
        expect(text).toContain(`${category.name[locale]} (${category.summary[locale]})`);
      }
      const box = (await notice.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(568);
      const policy = banner.getByRole("link", { name: texts.policyLink, exact: true });
      expect(await policy.isVisible()).toBe(true);
      expect(
        (await policy.boundingBox())!.y + (await policy.boundingBox())!.height,
      ).toBeLessThanOrEqual(568);
      await page.context().close();
    },
  );

  it.each(LOCALES)(
    "%s: the longer explanation is a native disclosure, closed first, that opens without JavaScript",
    async (locale) => {
      const page = await open(PROJECT[locale], { width: 375, height: 667 }, false);
      const more = page.locator("section[data-consent-banner] details");
      const longer = more.getByText(TEXTS[locale].detailsIntro);
      expect(await longer.isVisible()).toBe(false);
      await more.locator("summary").click();
      expect(await longer.isVisible()).toBe(true);
      for (const category of consent.categories.filter((c) => c.id !== "analytics")) {
        expect(await more.getByText(category.description[locale]).isVisible()).toBe(true);
      }
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await page.context().close();
    },
  );
});

describe("H46, H42: 200% zoom and 320 px still work; focus order and Esc unchanged", () => {
  it.each([
    ["320 px", { width: 320, height: 568 }],
    ["200% zoom of 1280×900", { width: 640, height: 450 }],
  ])(
    "%s: nothing scrolls sideways, with the disclosure closed or open, and every choice is in the first screen",
    async (_label, viewport) => {
      for (const locale of LOCALES) {
        const page = await open(PROJECT[locale], viewport);
        for (const control of Object.values(controlsOf(page, locale))) {
          const box = (await control.boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
          expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        }
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await page.locator("section[data-consent-banner] summary").click();
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    },
  );

  it.each(LOCALES)(
    "%s at 375×667: Tab goes skip link, X, Accept, Reject, Customize, policy, details; Esc is the X",
    async (locale) => {
      const page = await open(PROJECT[locale], { width: 375, height: 667 });
      const order: string[] = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press("Tab");
        order.push(
          await page.evaluate(() => {
            const element = document.activeElement as HTMLElement;
            return element.getAttribute("value") ?? element.textContent?.trim() ?? "";
          }),
        );
      }
      const texts = TEXTS[locale];
      expect(order).toEqual([
        locale === "it" ? "Vai al contenuto" : "Skip to content",
        "close",
        "accept_all",
        "reject_all",
        texts.customize,
        texts.policyLink,
        texts.details,
      ]);
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => document.activeElement?.hasAttribute("data-consent-done"));
      expect((await storedChoice(page.context()))?.granted).toEqual([]);
      await page.context().close();
    },
  );
});

describe("no layout shift: loading the page, and closing the banner with JavaScript (Lighthouse CLS 0)", () => {
  /**
   * Layout shifts the way CLS counts them: those not within half a second of the visitor's input.
   */
  const countedShift = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as { shifts: { value: number; recent: boolean }[] }).shifts
        .filter((s) => !s.recent)
        .reduce((sum, s) => sum + s.value, 0),
    );

  it.each([
    ["Reject all", 0],
    ["the X, on a slow network", 1500],
    ["Accept all, on a slow network", 1500],
  ] as const)("%s at 375×667", async (choice, delay) => {
    const page = await newPage(web.browser, { viewport: { width: 375, height: 667 } });
    await page.context().addInitScript(() => {
      const log: { value: number; recent: boolean }[] = [];
      (window as unknown as { shifts: typeof log }).shifts = log;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
        }[])
          log.push({ value: entry.value, recent: entry.hadRecentInput });
      }).observe({ type: "layout-shift", buffered: true });
    });
    // A slow answer: the page must not wait for it to move, or the move counts as a shift.
    await page.route("**/consent", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await route.continue();
    });
    await page.goto(web.site.url + PROJECT.en);
    await page.waitForLoadState("load");
    expect(await countedShift(page)).toBe(0);
    const { x, accept, reject } = controlsOf(page, "en");
    await (choice.startsWith("Reject") ? reject : choice.startsWith("Accept") ? accept : x).click();
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-consent-done"));
    await page.waitForTimeout(300);
    expect(await countedShift(page)).toBe(0);
    expect(await page.locator("[data-consent-done]").isVisible()).toBe(true);
    await page.context().close();
  });
});
