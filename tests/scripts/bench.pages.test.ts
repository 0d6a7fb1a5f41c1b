// Visitors under load, across refreshes and publishes, get only 2xx pages in time, then the last.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countFailures, loadKeepAlive } from "../../bench/lib/keepalive-load.ts";
import type { BuiltVersion } from "../../content/build.ts";
import { buildTwoVersions, publishOne, uploadVersion } from "../../bench/lib/two-versions.ts";
import { isServerFailure, readLoggedStatus } from "../../bench/lib/logged-status.ts";
import type { ServedSite } from "../../scripts/lib/serve-bundle.ts";
import { serveBuilt } from "../helpers/site.ts";

/**
 * The Worker re-reads the pointer at most this often (POINTER_TTL_SECONDS); 13 s of load crosses it
 * six times.
 */
const POINTER_TTL_SECONDS = 2;
const SECONDS = 13;
const CONNECTIONS = 32;
const PATHS = ["/it/", "/it/progetti/milano-citta-della-life-sciences", "/en/"];
/** A second version of the content: the site's name changed, so every page differs. */
const MARK = " (seconda versione)";
/**
 * Publishes during the load (seconds from its start), alternating the second version and the first.
 */
const PUBLISH_AT = [3, 6.5, 9.5];

// Load goes to workerd's own socket (ServedSite.directUrl): only the Worker between the visitor and
// the page.
let site: ServedSite;
let versions: [BuiltVersion, BuiltVersion];
const runtimeErrors: string[] = [];
/**
 * Requests the Worker logged as failed with a 5xx, including those of visitors who hung up before
 * the answer.
 */
const serverErrors: string[] = [];

beforeAll(async () => {
  versions = await buildTwoVersions(MARK);
  site = await serveBuilt({
    bindings: { POINTER_TTL_SECONDS: String(POINTER_TTL_SECONDS) },
    onLog: (level, message) => {
      if (level === "error" && runtimeErrors.length < 20) runtimeErrors.push(message.slice(0, 300));
      if (isServerFailure(readLoggedStatus(message))) serverErrors.push(message.slice(0, 300));
    },
  });
  // The second version is uploaded, not live: publishing it is one write of the pointer, as
  // content:publish does.
  await uploadVersion(await site.mf.getKVNamespace("CONTENT"), versions[1]);
  // No warm-up: the load starts on a fresh isolate, where 32 first requests race for the same
  // first reads.
});

/** Points "live" at the given version, naming the other as the previous one. */
async function publish(index: 0 | 1): Promise<void> {
  await publishOne(await site.mf.getKVNamespace("CONTENT"), versions, index);
}

afterAll(async () => {
  await site?.close();
});

// Proves: 32 visitors on kept-alive connections from a fresh isolate on, across several pointer
// refreshes and three publishes, while other visitors hang up mid-request, get only 2xx pages (none
// late) from the built bundle in workerd, and see the last publish once the pointer is re-read.
describe("pages under sustained keep-alive load", () => {
  it(`answers ${CONNECTIONS} connections for ${SECONDS} s, across ${PUBLISH_AT.length} publishes, with 2xx only`, {
    timeout: 40_000,
  }, async () => {
    const publishes = PUBLISH_AT.map(
      (at, i) =>
        new Promise<void>((resolve, reject) =>
          setTimeout(() => publish(i % 2 === 0 ? 1 : 0).then(resolve, reject), at * 1000),
        ),
    );
    const tally = await loadKeepAlive({
      origin: site.directUrl,
      paths: PATHS,
      connections: CONNECTIONS,
      seconds: SECONDS,
      timeoutMs: 5_000,
      leaving: { everyMs: 20 },
    });
    await Promise.all(publishes);
    const report =
      `${tally.requests} requests on ${tally.sockets} sockets (and ${tally.left} left mid-request), statuses ${JSON.stringify(tally.statuses)}, ${tally.errors} errors\n` +
      `the Worker logged ${serverErrors.length} requests as 5xx, e.g. ${serverErrors[0] ?? "none"}\n` +
      `samples:\n  ${tally.samples.join("\n  ")}\nworkerd errors:\n  ${[...new Set(runtimeErrors)].slice(0, 5).join("\n  ")}`;
    console.log(report);
    // Every lane kept asking across the refreshes and publishes (a few per lane even on a
    // busy machine).
    expect(tally.requests, report).toBeGreaterThan(CONNECTIONS * 3);
    expect(countFailures(tally), report).toBe(0);
    expect(serverErrors.length, report).toBe(0);
    // And the site still answers at once afterwards, with the last publish (the second
    // version), seen by now: it went live SECONDS - PUBLISH_AT.at(-1) seconds ago, more
    // than POINTER_TTL_SECONDS.
    for (const path of PATHS) {
      const page = await fetch(site.directUrl + path, { signal: AbortSignal.timeout(5_000) });
      expect(page.status).toBe(200);
      expect(await page.text(), `${path} after the last publish`).toContain(MARK);
    }
  });
});
