// The machine's Chromium (Debian's on CI) driven by playwright-core, against the built Worker served by workerd.
import { mkdir } from "node:fs/promises";
import { AXE_SOURCE } from "../tools/axe.ts";
import { type Browser, type BrowserContextOptions, type Page, chromium } from "../tools/playwright.ts";
import { findSystemTool, missingToolMessage } from "../tools/system.ts";
import { buildBundle } from "../../scripts/lib/bundle.ts";
import { type ServedSite, serveBundle } from "../../scripts/lib/serve-bundle.ts";

/** CHROMIUM_PATH, else the usual places (tests/tools/system.ts); npm test has installed one where it could. */
export const CHROMIUM = findSystemTool("chromium");
export const SCREENSHOTS = new URL("../../test-results/screenshots/", import.meta.url).pathname;
export const VIEWPORTS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } } as const;

let bundle: Promise<string> | undefined;

/** The production bundle, built once per test process. */
export function sharedBundle(): Promise<string> {
  bundle ??= buildBundle();
  return bundle;
}

/** Serves the built Worker with content seeded; pass extra bindings (secrets) when a test needs them. */
export async function startSite(bindings: Record<string, string> = {}): Promise<ServedSite> {
  return serveBundle({ scriptPath: await sharedBundle(), bindings });
}

/** Headless Chromium with a fresh profile and none of its own background traffic. */
export async function launchBrowser(): Promise<Browser> {
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

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
  return context.newPage();
}

/** Saves a full-page screenshot under test-results/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs axe-core in the page and returns its violations (rule id, impact, targets). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
