// What wrangler.toml must say for production, read from the file itself.
import { describe, expect, it } from "vitest";
import toml from "../../wrangler.toml?raw";

/** The top-level (production) keys, before the first table. */
const topLevel = toml.slice(0, toml.search(/^\[/m));

describe("wrangler.toml, production", () => {
  // Issue 15, finding 2: "workers_dev and preview URLs are not turned off" (the site answered under
  // other hosts).
  it("serves no *.workers.dev address and no preview URLs", () => {
    expect(topLevel).toMatch(/^workers_dev = false$/m);
    expect(topLevel).toMatch(/^preview_urls = false$/m);
  });

  // Issue 15, finding 1: the consent endpoint's limit, the one README "Security" reasons out.
  it("rate-limits POST /consent per client: 30 a minute", () => {
    expect(toml).toMatch(
      /\[\[ratelimits\]\]\nname = "CONSENT_RATE_LIMIT"\nnamespace_id = "\d+"\nsimple = \{ limit = 30, period = 60 \}/,
    );
  });
});
