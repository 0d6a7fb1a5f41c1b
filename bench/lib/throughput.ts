// Requests per second, latency and server CPU per request for each page type, against three floors:
// hello world, the cached page's bytes from a constant, and a render-only Worker. Every server is
// started first; then the scenarios run in rounds, A B C … A B C …, so a change in the machine's
// load falls on all of them alike, and each ratio is taken within a round. Every answer is counted
// by status; a scenario fails on any answer its expectation rules out (any non-2xx for a GET, any
// 5xx for a POST) and on any request left without an answer.
import { dirname, join } from "node:path";
import { capturePage, differentRender, writeRenderOnlyFloor, writeStaticFloor } from "./floors.ts";
import { type LoadResult, runLoad } from "./load.ts";
import { type BenchServer, type BenchServerOptions, startServer } from "./server.ts";

export const PROJECT_SLUG = "milano-citta-della-life-sciences";
export const PROJECT_PATH = `/it/progetti/${PROJECT_SLUG}`;
const HELLO_WORLD = new URL("../hello-world.js", import.meta.url).pathname;
const HELLO_KV = new URL("../hello-kv.js", import.meta.url).pathname;

export const FLOORS = {
  hello: "hello world (floor)",
  static: "static bytes (floor)",
  staticHome: "static bytes, home page (floor)",
  render: "render only (floor)",
} as const;
type Floor = keyof typeof FLOORS;

/**
 * What a scenario may answer: only 2xx (pages), or anything but 5xx (consent posts: 303, or a
 * deliberate 429).
 */
export type Expectation = "2xx" | "no-5xx";

export type ScenarioResult = {
  name: string;
  expect: Expectation;
  /** Any answer the expectation rules out, or any request without an answer. */
  failed: boolean;
  /** What failed, in words: "12 × 500, 3 errors". */
  failures: string;
  /**
   * What the Worker said about the page cache (Cache-Status) on a probe request just before
   * the runs.
   */
  cacheStatus: string | null;
  /** Mean of the rounds' requests per second. */
  requestsPerSecond: number;
  /** Median of the rounds' medians, worst of their p99s. */
  p50Ms: number;
  p99Ms: number;
  requests: number;
  classes: Record<string, number>;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Server CPU over all rounds, per request; and the share of the server's core it used. */
  cpuPerRequestMs: number | null;
  serverCpu: number | null;
  /** Requests/s over each floor's in the same round, median over the rounds. */
  ratio: Record<Floor, number | null>;
  /**
   * Each floor's server CPU per request over this one's: the ratio when the server's core is the
   * only limit.
   */
  cpuRatio: Record<Floor, number | null>;
  /** Each round: its requests/s and the one-minute load average before and after it. */
  rounds: { requestsPerSecond: number; loadBefore: number; loadAfter: number }[];
};

export type Skipped = { name: string; skipped: string; failed: true };

export type LoadSettings = { seconds: number; connections: number; rounds?: number };

type Request = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  rotateClients?: boolean;
};
type Scenario = Request & { name: string; server: string; status: number; expect: Expectation };

export type Floors = { staticBytes: string; staticHomeBytes: string; renderOnly: string };

/**
 * Every throughput scenario, interleaved over `settings.rounds` rounds, with each one's ratios to
 * the floors.
 */
export async function measureThroughput(
  bundle: string,
  settings: LoadSettings,
  log: (text: string) => void = () => {},
): Promise<{ results: (ScenarioResult | Skipped)[]; floors: Floors }> {
  const servers = new Map<string, BenchServer>();
  const start = async (key: string, options: BenchServerOptions) => {
    log(`starting ${key}`);
    servers.set(key, await startServer(options));
  };
  try {
    await start("site", { script: bundle });
    // The floors are made from what this site serves: its cached project page, bytes and headers.
    const site = servers.get("site")!.url;
    await capturePage(site + PROJECT_PATH);
    const page = await capturePage(site + PROJECT_PATH);
    if (page.status !== 200)
      throw new Error(`${PROJECT_PATH} answered ${page.status}: no static floor to make`);
    // The home page has its own: a cached home page is measured against its own bytes, not the
    // project page's.
    await capturePage(`${site}/it/`);
    const home = await capturePage(`${site}/it/`);
    if (home.status !== 200)
      throw new Error(`/it/ answered ${home.status}: no static floor to make`);
    const dir = join(dirname(bundle), "floors");
    const floors = {
      staticBytes: await writeStaticFloor(dir, page),
      staticHomeBytes: await writeStaticFloor(dir, home, "static-bytes-home"),
      renderOnly: await writeRenderOnlyFloor(dir, PROJECT_SLUG, site, page.headers),
    };
    await start("hello", { script: HELLO_WORLD, floor: true });
    await start("static", { script: floors.staticBytes, floor: true });
    await start("static-home", { script: floors.staticHomeBytes, floor: true });
    await start("render", { script: floors.renderOnly, floor: true });
    await start("hello-kv", { script: HELLO_KV });
    await start("uncached", { script: bundle, pageCache: false });
    // The render-only floor must render what the uncached site renders, byte for byte but
    // the nonce.
    const rendered = await capturePage(servers.get("render")!.url + PROJECT_PATH);
    const uncached = await capturePage(servers.get("uncached")!.url + PROJECT_PATH);
    const differs = differentRender(
      { body: rendered.body, origin: site },
      { body: uncached.body, origin: servers.get("uncached")!.url },
    );
    if (differs)
      throw new Error(`the render-only floor renders another page than the site, ${differs}`);
    await start("post", { script: bundle });

    const form = "action=reject_all&return=%2Fit%2F";
    const post = servers.get("post")!.url;
    const scenarios: Scenario[] = [
      { name: FLOORS.hello, server: "hello", path: "/", status: 200, expect: "2xx" },
      { name: FLOORS.static, server: "static", path: PROJECT_PATH, status: 200, expect: "2xx" },
      { name: FLOORS.staticHome, server: "static-home", path: "/it/", status: 200, expect: "2xx" },
      { name: FLOORS.render, server: "render", path: PROJECT_PATH, status: 200, expect: "2xx" },
      {
        name: "hello world + one KV read (reference)",
        server: "hello-kv",
        path: "/",
        status: 200,
        expect: "2xx",
      },
      {
        name: "project page, cached",
        server: "site",
        path: PROJECT_PATH,
        status: 200,
        expect: "2xx",
      },
      { name: "home page, cached", server: "site", path: "/it/", status: 200, expect: "2xx" },
      {
        name: "project page, uncached",
        server: "uncached",
        path: PROJECT_PATH,
        status: 200,
        expect: "2xx",
      },
      { name: "home page, uncached", server: "uncached", path: "/it/", status: 200, expect: "2xx" },
      {
        name: "achieved page, uncached",
        server: "uncached",
        path: "/it/obiettivi-raggiunti",
        status: 200,
        expect: "2xx",
      },
      {
        name: "cookies page, uncached",
        server: "uncached",
        path: "/it/cookie",
        status: 200,
        expect: "2xx",
      },
      {
        name: "POST /consent (reject all)",
        server: "post",
        method: "POST",
        path: "/consent",
        // As the banner's form: same origin (workerd's socket is the origin the Worker
        // sees), form-encoded.
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: post,
          "Sec-Fetch-Site": "same-origin",
          Referer: `${post}/it/`,
        },
        body: form,
        // Many visitors, as in a burst of real decisions: a per-client rate limit is not what
        // this measures.
        rotateClients: true,
        status: 303,
        expect: "no-5xx",
      },
    ];

    // BENCH_ONLY (a pattern): only the scenarios it matches, beside the floors; for a quick look at
    // one change.
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
    const chosen = scenarios.filter(
      (s) => !only || (Object.values(FLOORS) as string[]).includes(s.name) || only.test(s.name),
    );
    const skipped: Skipped[] = [];
    const probed: { scenario: Scenario; cacheStatus: string | null }[] = [];
    for (const scenario of chosen) {
      const probe = await probeScenario(servers.get(scenario.server)!.url, scenario);
      if (probe.status !== scenario.status)
        skipped.push({
          name: scenario.name,
          skipped: `the probe answered ${probe.status}, not ${scenario.status}`,
          failed: true,
        });
      else probed.push({ scenario, cacheStatus: probe.cacheStatus });
    }

    const rounds = settings.rounds ?? 3;
    const runs = new Map<string, LoadResult[]>(probed.map(({ scenario }) => [scenario.name, []]));
    for (let round = 1; round <= rounds; round++) {
      for (const { scenario } of probed) {
        log(`round ${round}/${rounds}: ${scenario.name}`);
        const server = servers.get(scenario.server)!;
        const {
          name: _name,
          server: _server,
          status: _status,
          expect: _expect,
          ...request
        } = scenario;
        runs.get(scenario.name)!.push(
          await runLoad({
            ...request,
            url: server.url + scenario.path,
            ...settings,
            serverPid: server.workerdPid,
          }),
        );
      }
    }

    const results = probed.map(({ scenario, cacheStatus }) =>
      summarize(scenario, cacheStatus, runs.get(scenario.name)!),
    );
    const withRatios = results.map((result) => ({ ...result, ...ratiosOf(result, results, runs) }));
    const order = scenarios.map((s) => s.name);
    return {
      results: [...withRatios, ...skipped].sort(
        (a, b) => order.indexOf(a.name) - order.indexOf(b.name),
      ),
      floors,
    };
  } finally {
    for (const server of servers.values()) await server.stop();
  }
}

/**
 * What a scenario's answers break of its expectation, in words ("12 × 500"); empty when
 * nothing does.
 */
export function judgeAnswers(
  expect: Expectation,
  statuses: Record<string, number>,
  errors: number,
  timeouts = 0,
): string[] {
  const ruledOut = Object.entries(statuses).filter(
    ([status, n]) => n > 0 && (expect === "2xx" ? !/^2\d\d$/.test(status) : /^5\d\d$/.test(status)),
  );
  return [
    ...ruledOut.map(([status, n]) => `${n} × ${status}`),
    ...(errors ? [`${errors} without an answer (${timeouts} timed out)`] : []),
  ];
}

/** Twice: the first fills the page cache, the second shows what the runs will get. */
async function probeScenario(
  origin: string,
  request: Request,
): Promise<{ status: number; cacheStatus: string | null }> {
  const init = {
    method: request.method ?? "GET",
    headers: request.headers,
    body: request.body,
    redirect: "manual" as const,
  };
  await (await fetch(origin + request.path, init)).arrayBuffer();
  const probe = await fetch(origin + request.path, init);
  await probe.arrayBuffer();
  return { status: probe.status, cacheStatus: probe.headers.get("Cache-Status") };
}

function summarize(
  scenario: Scenario,
  cacheStatus: string | null,
  runs: LoadResult[],
): Omit<ScenarioResult, "ratio" | "cpuRatio"> {
  const classes = sumRecords(runs.map((r) => r.classes));
  const statuses = sumRecords(runs.map((r) => r.statuses));
  const errors = sum(runs.map((r) => r.errors));
  const timeouts = sum(runs.map((r) => r.timeouts));
  const failures = judgeAnswers(scenario.expect, statuses, errors, timeouts);
  const requests = sum(runs.map((r) => r.requests));
  const cpu = runs.every((r) => r.cpuPerRequestMs !== null)
    ? sum(runs.map((r) => r.cpuPerRequestMs! * r.requests))
    : null;
  return {
    name: scenario.name,
    expect: scenario.expect,
    failed: failures.length > 0,
    failures: failures.join(", "),
    cacheStatus,
    requestsPerSecond: Math.round(sum(runs.map((r) => r.requestsPerSecond)) / runs.length),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    requests,
    classes,
    statuses,
    errors,
    timeouts,
    cpuPerRequestMs: cpu !== null && requests ? round(cpu / requests, 3) : null,
    serverCpu: runs.every((r) => r.serverCpu !== null)
      ? round(sum(runs.map((r) => r.serverCpu!)) / runs.length, 2)
      : null,
    rounds: runs.map((r) => ({
      requestsPerSecond: r.requestsPerSecond,
      loadBefore: r.load.before,
      loadAfter: r.load.after,
    })),
  };
}

function ratiosOf(
  result: Omit<ScenarioResult, "ratio" | "cpuRatio">,
  all: Omit<ScenarioResult, "ratio" | "cpuRatio">[],
  runs: Map<string, LoadResult[]>,
): Pick<ScenarioResult, "ratio" | "cpuRatio"> {
  const ratio = {} as Record<Floor, number | null>;
  const cpuRatio = {} as Record<Floor, number | null>;
  for (const floor of Object.keys(FLOORS) as Floor[]) {
    const floorRuns = runs.get(FLOORS[floor]);
    const own = runs.get(result.name)!;
    // Within each round, then the median: the point of interleaving.
    ratio[floor] =
      floorRuns?.length === own.length
        ? round(
            median(
              own.map(
                (r, i) => r.requestsPerSecond / (floorRuns[i]!.requestsPerSecond || Infinity),
              ),
            ),
            2,
          )
        : null;
    const floorCpu = all.find((r) => r.name === FLOORS[floor])?.cpuPerRequestMs;
    cpuRatio[floor] =
      floorCpu && result.cpuPerRequestMs ? round(floorCpu / result.cpuPerRequestMs, 2) : null;
  }
  return { ratio, cpuRatio };
}

function sumRecords(records: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of records)
    for (const [key, n] of Object.entries(record)) total[key] = (total[key] ?? 0) + n;
  return total;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
