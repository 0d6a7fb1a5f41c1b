// Proves: 32 visitors on kept-alive connections, for long enough that the Worker re-reads the KV pointer several times and while other visitors hang up mid-request, get only 2xx pages (none late) from the built bundle in workerd.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countFailures, loadKeepAlive } from "../../bench/lib/keepalive-load.ts";
import { buildBundle } from "../../scripts/lib/bundle.ts";
import { type ServedSite, serveBundle } from "../../scripts/lib/serve-bundle.ts";

/** The Worker re-reads the pointer at most this often (POINTER_TTL_SECONDS); 13 s of load crosses it six times. */
const POINTER_TTL_SECONDS = 2;
const SECONDS = 13;
const CONNECTIONS = 32;
const PATHS = ["/it/", "/it/progetti/milano-citta-della-life-sciences", "/en/"];

// Load goes to workerd's own socket (ServedSite.directUrl): only the Worker between the visitor and the page.
let site: ServedSite;
const runtimeErrors: string[] = [];

beforeAll(async () => {
  site = await serveBundle({
    scriptPath: await buildBundle(),
    bindings: { POINTER_TTL_SECONDS: String(POINTER_TTL_SECONDS) },
    onLog: (level, message) => {
      if (level === "error" && runtimeErrors.length < 20) runtimeErrors.push(message.slice(0, 300));
    },
  });
  // Each page once, so the run measures steady serving rather than the first render.
  for (const path of PATHS) expect((await fetch(site.directUrl + path)).status).toBe(200);
});

afterAll(async () => {
  await site?.close();
});

describe("pages under sustained keep-alive load", () => {
  it(`answers ${CONNECTIONS} connections for ${SECONDS} s with 2xx only`, { timeout: 40_000 }, async () => {
    const tally = await loadKeepAlive({ origin: site.directUrl, paths: PATHS, connections: CONNECTIONS, seconds: SECONDS, timeoutMs: 5_000, leaving: { everyMs: 20 } });
    const report = `${tally.requests} requests on ${tally.sockets} sockets (and ${tally.left} left mid-request), statuses ${JSON.stringify(tally.statuses)}, ${tally.errors} errors\n` +
      `samples:\n  ${tally.samples.join("\n  ")}\nworkerd errors:\n  ${[...new Set(runtimeErrors)].slice(0, 5).join("\n  ")}`;
    console.log(report);
    // Enough requests that several pointer refreshes happened under concurrency, not a trickle.
    expect(tally.requests, report).toBeGreaterThan(CONNECTIONS * SECONDS);
    expect(countFailures(tally), report).toBe(0);
    // And the site still answers at once afterwards.
    for (const path of PATHS) expect((await fetch(site.directUrl + path, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
  });
});
