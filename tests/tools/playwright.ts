// playwright-core, from the test-tools package (tests/tools/package.json): the driver of the
// browser tests.
export { chromium } from "playwright-core";
export type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from "playwright-core";
