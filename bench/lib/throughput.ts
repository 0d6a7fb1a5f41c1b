// Requests per second, latency and server CPU per request for each page type, against the hello-world floor.
import { type LoadResult, runLoad } from "./load.ts";
import { type BenchServer, type BenchServerOptions, startServer } from "./server.ts";

export const PROJECT_PATH = "/it/progetti/milano-citta-della-life-sciences";
const HELLO_WORLD = new URL("../hello-world.js", import.meta.url).pathname;
const HELLO_KV = new URL("../hello-kv.js", import.meta.url).pathname;

export type ScenarioResult = LoadResult & {
  name: string;
  /** What the Worker said about the page cache (Cache-Status) on a probe request just before the run. */
  cacheStatus: string | null;
  /** Requests per second as a share of the hello-world floor's. */
  ratio: number | null;
  /** The floor's server CPU per request over this one's: the ratio when the server core is the only limit. */
  cpuRatio: number | null;
};

export type Skipped = { name: string; skipped: string };

export type LoadSettings = { seconds: number; connections: number };

type Request = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };

type Named = Request & { name: string; expected: number };

/** Runs one server, probes each request (it must answer `expected`), then loads it. */
async function loadServer(
  server: BenchServerOptions,
  requests: Named[] | ((origin: string) => Named[]),
  settings: LoadSettings,
): Promise<(ScenarioResult | Skipped)[]> {
  const served: BenchServer = await startServer(server);
  try {
    const results: (ScenarioResult | Skipped)[] = [];
    for (const { name, expected, ...request } of typeof requests === "function" ? requests(served.url) : requests) {
      const url = served.url + request.path;
      const init = { method: request.method ?? "GET", headers: request.headers, body: request.body, redirect: "manual" as const };
      // Twice: the first fills the page cache, the second shows what the run will get.
      await (await fetch(url, init)).arrayBuffer();
      const probe = await fetch(url, init);
      await probe.arrayBuffer();
      if (probe.status !== expected) {
        results.push({ name, skipped: `the probe answered ${probe.status}, not ${expected}` });
        continue;
      }
      const load = await runLoad({ url, ...request, ...settings, serverPid: served.workerdPid });
      results.push({ name, ...load, cacheStatus: probe.headers.get("Cache-Status"), ratio: null, cpuRatio: null });
    }
    return results;
  } finally {
    await served.stop();
  }
}

/** Every throughput scenario, with each one's ratio to the hello-world floor. */
export async function measureThroughput(bundle: string, settings: LoadSettings): Promise<(ScenarioResult | Skipped)[]> {
  const form = "action=reject_all&return=%2Fit%2F";
  const rows = [
    ...(await loadServer({ script: HELLO_WORLD }, [{ name: "hello world (floor)", path: "/", expected: 200 }], settings)),
    ...(await loadServer({ script: HELLO_KV }, [{ name: "hello world + one KV read (reference)", path: "/", expected: 200 }], settings)),
    ...(await loadServer(
      { script: bundle },
      (origin) => [
        { name: "project page, cached", path: PROJECT_PATH, expected: 200 },
        { name: "home page, cached", path: "/it/", expected: 200 },
        {
          name: "POST /consent (reject all)",
          method: "POST",
          path: "/consent",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
          body: form,
          expected: 303,
        },
      ],
      settings,
    )),
    ...(await loadServer(
      { script: bundle, pageCache: false },
      [
        { name: "project page, uncached", path: PROJECT_PATH, expected: 200 },
        { name: "home page, uncached", path: "/it/", expected: 200 },
        { name: "achieved page, uncached", path: "/it/obiettivi-raggiunti", expected: 200 },
        { name: "cookies page, uncached", path: "/it/cookie", expected: 200 },
      ],
      settings,
    )),
  ];
  const floor = rows.find((r): r is ScenarioResult => "requestsPerSecond" in r && r.name === "hello world (floor)");
  if (!floor) return rows;
  return rows.map((r) =>
    "requestsPerSecond" in r
      ? {
          ...r,
          ratio: round(r.requestsPerSecond / floor.requestsPerSecond),
          cpuRatio: r.cpuPerRequestMs && floor.cpuPerRequestMs ? round(floor.cpuPerRequestMs / r.cpuPerRequestMs) : null,
        }
      : r,
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
