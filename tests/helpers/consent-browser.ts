// Browser-side helpers for the consent tests: the network log, the consent cookie, colours
// and sizes.
import type { BrowserContext, Locator, Page } from "../tools/playwright.ts";

/** Every URL the context requests (pages, frames, scripts, images, fetches), from now on. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** The requests that left `origin` (data: and about: URLs are not requests to anyone). */
export function thirdParty(urls: string[], origin: string): string[] {
  return urls.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
}

/**
 * The consent cookie as the browser holds it, decoded: granted categories (null when there
 * is none).
 */
export async function storedChoice(context: BrowserContext): Promise<{
  consentId: string;
  granted: string[];
  cookie: { httpOnly: boolean; secure: boolean; sameSite: string };
} | null> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("fvm_consent"));
  if (!cookie) return null;
  const [, consentId = "", , granted = ""] = cookie.value.split(".");
  return {
    consentId,
    granted: granted ? granted.split("-") : [],
    cookie: { httpOnly: cookie.httpOnly, secure: cookie.secure, sameSite: cookie.sameSite },
  };
}

/** Every cookie name and localStorage key the site has set: nothing at all before a choice. */
export async function storedState(
  page: Page,
): Promise<{ cookies: string[]; localStorage: number }> {
  const cookies = (await page.context().cookies()).map((c) => c.name);
  return { cookies, localStorage: await page.evaluate(() => localStorage.length) };
}

/**
 * Presses Tab until `locator` has the focus (at most `limit` times); returns how many presses
 * it took.
 */
export async function tabTo(page: Page, locator: Locator, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    if (await locator.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`focus never reached ${locator} in ${limit} presses of Tab`);
}

export type Look = {
  fontFamily: string;
  fontSize: string;
  fontWeight: string;
  color: string;
  background: string;
  width: number;
  height: number;
};

/** What equal prominence compares between two choices: font, size, weight and colours. */
export const styleOf = (look: Look): string[] => [
  look.fontFamily,
  look.fontSize,
  look.fontWeight,
  look.color,
  look.background,
];

/**
 * How an element looks: font, colours (background taken from the nearest painted ancestor)
 * and size.
 */
export function lookOf(locator: Locator): Promise<Look> {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    let background = "rgba(0, 0, 0, 0)";
    for (
      let node: Element | null = element;
      node && /rgba\(0, 0, 0, 0\)|transparent/.test(background);
      node = node.parentElement
    ) {
      background = getComputedStyle(node).backgroundColor;
    }
    const box = element.getBoundingClientRect();
    return {
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      fontWeight: style.fontWeight,
      color: style.color,
      background,
      width: box.width,
      height: box.height,
    };
  });
}

/** WCAG contrast ratio between two CSS rgb() colours. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
