// The machine's Chromium (Debian's on CI) driven by playwright-core, against the built Worker
// served by workerd: the one set-up of every tests/browser file (browserSuite), pages in fresh
// contexts, screenshots and axe-core.
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import { AXE_SOURCE } from "../tools/axe.ts";
import {
  type Browser,
  type BrowserContextOptions,
  type Page,
  chromium,
} from "../tools/playwright.ts";
import { findSystemTool, missingToolMessage } from "../tools/system.ts";
import type { ServedSite } from "../../scripts/lib/serve-bundle.ts";
import { startSite } from "./site.ts";

/**
 * CHROMIUM_PATH, else the usual places (tests/tools/system.ts); npm test has installed one where
 * it could.
 */
export const CHROMIUM = findSystemTool("chromium");
export const SCREENSHOTS = new URL("../../test-results/screenshots/", import.meta.url).pathname;
export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const;

export type BrowserSuite<Name extends string> = { browser: Browser } & Record<Name, ServedSite>;

/**
 * A browser test file's set-up: one Chromium for the file, and one served site a name (each with
 * its own bindings and its own KV, D1 and Durable Objects), started together before the file's
 * tests and closed after them. The returned object is filled in by then: `const web =
 * browserSuite({ site: { ADMIN_TOKEN } })`, then `web.site.url`.
 */
export function browserSuite<Name extends string>(
  sites: Record<Name, Record<string, string>>,
): BrowserSuite<Name> {
  const suite = {} as BrowserSuite<Name>;
  const names = Object.keys(sites) as Name[];
  beforeAll(async () => {
    const started = await Promise.allSettled([
      launchBrowser(),
      ...names.map((name) => startSite(sites[name])),
    ]);
    // What did start is kept, so that afterAll closes it even when something else failed to start.
    const [browser, ...served] = started.map((result) =>
      result.status === "fulfilled" ? result.value : undefined,
    );
    Object.assign(
      suite,
      { browser },
      Object.fromEntries(names.map((name, i) => [name, served[i]])),
    );
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  });
  afterAll(async () => {
    await suite.browser?.close();
    await Promise.all(names.map((name) => suite[name]?.close()));
  });
  return suite;
}

/** Headless Chromium with a fresh profile and none of its own background traffic. */
async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(missingToolMessage("chromium"));
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
  return context.newPage();
}

/** The admin token the dashboard's browser tests serve the site with and sign in with. */
export const ADMIN_TEST_TOKEN = "browser-test-token-0123456789abcdefghijklmnop";

/**
 * A page signed in to /admin/ as `username` with ADMIN_TEST_TOKEN, over HTTP Basic as a browser's
 * prompt sends it.
 */
export function signedInPage(
  browser: Browser,
  username: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  return newPage(browser, {
    ...options,
    httpCredentials: { username, password: ADMIN_TEST_TOKEN },
  });
}

/**
 * The Content Security Policy violations `page` reports in its console from now on (a list kept up
 * to date).
 */
export function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on(
    "console",
    (m) => m.text().includes("Content Security Policy") && violations.push(m.text()),
  );
  return violations;
}

/** Saves a full-page screenshot under test-results/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs axe-core in the page and returns its violations (rule id, impact, targets). */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (o: object) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run({
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}
