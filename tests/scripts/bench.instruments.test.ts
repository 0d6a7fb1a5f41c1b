// The load instruments of the load tests and npm run bench see failures, and judge answers rightly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countFailures, loadKeepAlive } from "../../bench/lib/keepalive-load.ts";
import { judgeAnswers } from "../../bench/lib/throughput.ts";
import { type ServedSite, serveBundle } from "../../scripts/lib/serve-bundle.ts";

const BROKEN = new URL("../../bench/fixtures/shared-read.js", import.meta.url).pathname;
const HELLO = new URL("../../bench/hello-world.js", import.meta.url).pathname;
/** Three seconds of 32 kept-alive connections asking `site` for its root. */
const load = (site: ServedSite) =>
  loadKeepAlive({ origin: site.directUrl, paths: ["/"], connections: 32, seconds: 3 });

// Proves: the load instruments behind the regression tests and npm run bench see failures: a Worker
// sharing I/O across requests is caught, a sound one is not, and a scenario's answers are judged by
// its expectation.
describe("judging a scenario's answers", () => {
  it("fails a GET scenario on any non-2xx or unanswered request, a POST only on 5xx or none", () => {
    expect(judgeAnswers("2xx", { "200": 10 }, 0)).toEqual([]);
    expect(judgeAnswers("2xx", { "200": 10, "500": 2, "304": 1 }, 0)).toEqual([
      "1 × 304",
      "2 × 500",
    ]);
    expect(judgeAnswers("2xx", { "200": 10 }, 3, 1)).toEqual(["3 without an answer (1 timed out)"]);
    expect(judgeAnswers("no-5xx", { "303": 9, "429": 1 }, 0)).toEqual([]);
    expect(judgeAnswers("no-5xx", { "303": 9, "503": 1 }, 0)).toEqual(["1 × 503"]);
  });
});

describe("keep-alive load on a Worker", () => {
  let broken: ServedSite;
  let hello: ServedSite;
  beforeAll(async () => {
    broken = await serveBundle({ scriptPath: BROKEN });
    hello = await serveBundle({ scriptPath: HELLO, config: "none" });
  });
  afterAll(async () => {
    await broken?.close();
    await hello?.close();
  });

  it("counts the failures of a Worker that shares an in-flight read between requests", {
    timeout: 20_000,
  }, async () => {
    const tally = await load(broken);
    expect(countFailures(tally), JSON.stringify(tally.statuses)).toBeGreaterThan(0);
    expect(tally.samples.length).toBeGreaterThan(0);
  });

  it("counts none on a sound Worker, on one kept-alive socket per connection", {
    timeout: 20_000,
  }, async () => {
    const tally = await load(hello);
    expect(countFailures(tally)).toBe(0);
    expect(tally.requests).toBeGreaterThan(32);
    expect(tally.sockets).toBe(32);
  });
});
