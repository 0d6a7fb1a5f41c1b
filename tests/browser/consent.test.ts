// Consent in Chromium: the network log before consent, every choice with and without JavaScript.
import type { BrowserContext, Page } from "../tools/playwright.ts";
import type { ServedSite } from "../../scripts/lib/serve-bundle.ts";
import { describe, expect, it } from "vitest";
import { browserSuite, newPage } from "../helpers/browser.ts";
import {
  recordRequests,
  storedChoice,
  storedState,
  thirdParty,
} from "../helpers/consent-browser.ts";

const web = browserSuite({
  site: { ENVIRONMENT: "production" },
  analyticsSite: { ENVIRONMENT: "production", GA_MEASUREMENT_ID: "G-TEST12345" },
});

const PROJECT = "/it/progetti/milano-citta-della-life-sciences";
const PAGE_TYPES = [
  "/it/",
  "/en/",
  "/it/obiettivi-raggiunti",
  PROJECT,
  "/en/projects/milan-city-of-life-sciences",
  "/it/cookie",
  "/en/cookies",
  "/en/projects/no-such-project",
];
const YOUTUBE = "https://www.youtube-nocookie.com/embed/MIfLS2015tv";

type Visit = { page: Page; context: BrowserContext; requests: string[] };

async function visit(
  path: string,
  options: { javaScript?: boolean; headers?: Record<string, string>; on?: ServedSite } = {},
): Promise<Visit> {
  const page = await newPage(web.browser, {
    javaScriptEnabled: options.javaScript ?? true,
    extraHTTPHeaders: options.headers,
  });
  const context = page.context();
  const requests = recordRequests(context);
  await page.goto((options.on ?? web.site).url + path);
  return { page, context, requests };
}

/**
 * A page reloaded by the browser keeps no JavaScript state: this marker tells an in-place update
 * from a reload.
 */
const mark = (page: Page) =>
  page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
const marked = (page: Page) =>
  page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);
const banner = (page: Page) => page.locator("section[data-consent-banner]");

// Consent in Chromium: the network log before consent, every choice with and without JavaScript,
// embeds, GPC.
describe("(a) A1, G39: no third-party request before consent, from the network log", () => {
  it.each(PAGE_TYPES)(
    "%s: only the site's own origin is contacted, nothing is stored, the banner is shown",
    async (path) => {
      // The script fetches nothing until a choice is made, so once the page has loaded its log
      // is complete.
      const { page, context, requests } = await visit(path);
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(200);
      expect(thirdParty(requests, web.site.url)).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
      expect(await storedState(page)).toEqual({ cookies: [], localStorage: 0 });
      await expect(banner(page).isVisible()).resolves.toBe(true);
      await context.close();
    },
  );

  it("C22: with Google Analytics configured, still nothing goes to Google before consent", async () => {
    const { page, context, requests } = await visit("/en/", { on: web.analyticsSite });
    await page.waitForLoadState("networkidle");
    expect(thirdParty(requests, web.analyticsSite.url)).toEqual([]);
    expect(await page.evaluate(() => "dataLayer" in window)).toBe(false);
    await context.close();
  });

  it("A7: scrolling, clicking outside the banner, navigating, reloading and waiting record nothing", async () => {
    const { page, context } = await visit("/it/");
    await page.mouse.wheel(0, 3000);
    await page.locator("main h1").click();
    await page.locator(".card-title").first().click();
    await page.waitForLoadState("load");
    await page.reload();
    await page.waitForTimeout(500);
    expect(await storedChoice(context)).toBeNull();
    await expect(banner(page).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe("(b) the choices with JavaScript: no reload, focus on the confirmation", () => {
  it("A3: the X refuses everything optional and closes the banner without leaving the page", async () => {
    const { page, context } = await visit(PROJECT);
    await mark(page);
    await page.locator("button[value=close]").click();
    await page.locator("[data-consent-done]").waitFor();
    expect(await banner(page).locator("form").count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-consent-done"));
    expect(await marked(page)).toBe(true);
    expect(page.url()).toBe(web.site.url + PROJECT);
    expect(await storedChoice(context)).toMatchObject({
      granted: [],
      cookie: { httpOnly: true, secure: true, sameSite: "Lax" },
    });
    await context.close();
  });

  it("Reject all: refusal stored, no reload; the next page has no banner and no video", async () => {
    const { page, context, requests } = await visit(PROJECT);
    await mark(page);
    await page.getByRole("button", { name: "Rifiuta tutto" }).click();
    await page.locator("[data-consent-done]").waitFor();
    expect(await marked(page)).toBe(true);
    expect((await storedChoice(context))?.granted).toEqual([]);
    await page.reload();
    expect(await banner(page).count()).toBe(0);
    expect(thirdParty(requests, web.site.url)).toEqual([]);
    await context.close();
  });

  it("(c) Accept all: the video appears in place, no reload, and only then is YouTube contacted", async () => {
    const { page, context, requests } = await visit(PROJECT);
    await mark(page);
    expect(await page.locator("figure iframe").count()).toBe(0);
    await page.getByRole("button", { name: "Accetta tutto" }).click();
    await page.locator("figure.embed iframe").waitFor();
    expect(await marked(page)).toBe(true);
    expect((await storedChoice(context))?.granted).toEqual(["media"]);
    await expect.poll(() => requests.some((url) => url.startsWith(YOUTUBE))).toBe(true);
    await context.close();
  });

  it("(c) 'Allow and play' grants media alone, swaps that video in place and focuses it", async () => {
    const { page, context, requests } = await visit(PROJECT);
    await mark(page);
    await page.getByRole("button", { name: "Consenti e riproduci" }).click();
    const frame = page.locator("figure.embed iframe");
    await frame.waitFor();
    expect(await frame.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await marked(page)).toBe(true);
    expect(await banner(page).locator("form").count()).toBe(0);
    expect((await storedChoice(context))?.granted).toEqual(["media"]);
    await expect
      .poll(() => requests.some((url) => url.startsWith(`${YOUTUBE}?autoplay=1`)))
      .toBe(true);
    await context.close();
  });

  it("H42: Esc in the banner acts as its X", async () => {
    const { page, context } = await visit("/en/");
    await page.getByRole("button", { name: "Accept all" }).focus();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-consent-done"));
    expect((await storedChoice(context))?.granted).toEqual([]);
    await context.close();
  });

  it("B12, B15, B16: Customize leads to the preferences; Save stores the switches; reopened, they show them", async () => {
    const { page, context } = await visit("/en/");
    await page.getByRole("link", { name: "Customize" }).click();
    await page.waitForURL("**/en/cookies#preferences");
    const media = page.getByRole("switch", { name: "Embedded videos" });
    expect(await media.isChecked()).toBe(false);
    await media.check();
    await page.getByRole("button", { name: "Save choices" }).click();
    await page.waitForLoadState("load");
    await page.locator("[data-consent-receipt] [data-consent-id]").waitFor();
    expect(await page.getByRole("switch", { name: "Embedded videos" }).isChecked()).toBe(true);
    expect((await storedChoice(context))?.granted).toEqual(["media"]);
    await context.close();
  });
});

describe("(b) the same choices with JavaScript disabled", () => {
  it.each([
    ["Accetta tutto", ["media"]],
    ["Rifiuta tutto", []],
  ])("%s: the form posts, the same page comes back without the banner", async (name, granted) => {
    const { page, context } = await visit(PROJECT, { javaScript: false });
    await page.getByRole("button", { name }).click();
    await page.waitForURL(web.site.url + PROJECT);
    expect(await banner(page).count()).toBe(0);
    expect((await storedChoice(context))?.granted).toEqual(granted);
    expect(await page.locator(`iframe[src="${YOUTUBE}"]`).count()).toBe(granted.length);
    await context.close();
  });

  it("A3: the X refuses and comes back to the same page", async () => {
    const { page, context } = await visit("/en/achieved", { javaScript: false });
    await page.locator("button[value=close]").click();
    await page.waitForURL(`${web.site.url}/en/achieved`);
    expect(await banner(page).count()).toBe(0);
    expect((await storedChoice(context))?.granted).toEqual([]);
    await context.close();
  });

  it("B15: Save with a switch on, then the receipt; Save with none on is a refusal", async () => {
    const { page, context } = await visit("/it/cookie", { javaScript: false });
    await page.getByRole("switch", { name: "Video incorporati" }).check();
    await page.getByRole("button", { name: "Salva le scelte" }).click();
    await page.locator("[data-consent-id]").waitFor();
    expect((await storedChoice(context))?.granted).toEqual(["media"]);
    await page.getByRole("switch", { name: "Video incorporati" }).uncheck();
    await page.getByRole("button", { name: "Salva le scelte" }).click();
    await page.waitForLoadState("load");
    expect((await storedChoice(context))?.granted).toEqual([]);
    await context.close();
  });

  it("(c) G38: 'Allow and play' posts, and the page comes back with the privacy-enhanced player at the video", async () => {
    const { page, context, requests } = await visit(PROJECT, { javaScript: false });
    expect(thirdParty(requests, web.site.url)).toEqual([]);
    await page.getByRole("button", { name: "Consenti e riproduci" }).click();
    await page.waitForURL(`${web.site.url}${PROJECT}#media-MIfLS2015tv`);
    expect(await page.locator(`figure iframe[src="${YOUTUBE}"]`).count()).toBe(1);
    await expect.poll(() => requests.some((url) => url.startsWith(YOUTUBE))).toBe(true);
    await context.close();
  });
});

describe("F. withdrawal", () => {
  it("F33, F34: footer link then one click withdraws; afterwards no request leaves the site", async () => {
    const { page, context, requests } = await visit(PROJECT);
    await page.getByRole("button", { name: "Accetta tutto" }).click(); // consenting: one click
    await page.locator("figure.embed iframe").waitFor();
    await page.locator("footer a[data-consent-open]").click(); // withdrawing: the footer link…
    await page.getByRole("button", { name: "Revoca il consenso" }).click(); // …then one click
    await page.waitForLoadState("load");
    expect((await storedChoice(context))?.granted).toEqual([]);
    requests.length = 0;
    await page.goto(web.site.url + PROJECT);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("figure iframe").count()).toBe(0);
    expect(thirdParty(requests, web.site.url)).toEqual([]);
    await context.close();
  });
});

describe("(e) F36: Global Privacy Control", () => {
  it("keeps analytics off and says so; only an explicit Accept all turns them on, with Consent Mode defaults first", async () => {
    const { page, context, requests } = await visit("/it/", {
      on: web.analyticsSite,
      headers: { "Sec-GPC": "1" },
    });
    await expect(page.locator(".consent-signal").isVisible()).resolves.toBe(true);
    await page.goto(`${web.analyticsSite.url}/it/cookie`);
    expect(await page.getByRole("switch", { name: "Statistiche" }).isChecked()).toBe(false);
    await expect(page.locator("[data-consent-signal]").isVisible()).resolves.toBe(true);
    expect(thirdParty(requests, web.analyticsSite.url)).toEqual([]);
    await page.goto(`${web.analyticsSite.url}/it/`);
    await page.getByRole("button", { name: "Accetta tutto" }).click();
    await page.waitForFunction(() => "dataLayer" in window);
    const first = await page.evaluate(() =>
      Array.from((window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer[0]!),
    );
    expect(first.slice(0, 2)).toEqual(["consent", "default"]);
    expect(first[2]).toMatchObject({
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
      analytics_storage: "denied",
    });
    await expect
      .poll(() =>
        thirdParty(requests, web.analyticsSite.url).some((url) =>
          url.startsWith("https://www.googletagmanager.com/gtag/js"),
        ),
      )
      .toBe(true);
    await context.close();
  });
});
