// bench/results.md: the figures as the README quotes them.
import type { FirstView, PageWeight } from "../page-weight.ts";
import type { BundleSize } from "../../scripts/lib/bundle.ts";
import type { Budget } from "./budgets.ts";
import type { CurvePoint } from "./curve.ts";
import type { Machine } from "./machine.ts";
import type { Sizes } from "./sizes.ts";
import type { Floors, LoadSettings, ScenarioResult, Skipped } from "./throughput.ts";

export type BenchResults = {
  date: string;
  command: string;
  machine: Machine;
  /**
   * wrangler, the Miniflare it bundles and that Miniflare's workerd: the runtime `wrangler
   * deploy` targets.
   */
  runtime: { wrangler: string; miniflare: string; workerd: string };
  settings: LoadSettings & { curveSeconds: number };
  bundle: Sizes & BundleSize;
  floors: Floors;
  pages: PageWeight[];
  firstViews: FirstView[];
  throughput: (ScenarioResult | Skipped)[];
  /** Server CPU per request of each uncached page type, less the hello-world floor's. */
  renderTime: { page: string; cpuPerRequestMs: number; overFloorMs: number }[];
  curve: CurvePoint[];
  budgets: Budget[];
  /** Scenarios that got answers their expectation rules out: the run exits non-zero. */
  failed: string[];
};

/**
 * A one-minute load average above this, before the run, means other work was competing for
 * the cores.
 */
const BUSY_LOAD = 1;

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const sizes = (s: Sizes) => `${s.raw} | ${s.gzip} | ${s.brotli}`;
  const busy =
    m.load[0]! >= BUSY_LOAD
      ? [
          `**The machine was busy** (load average ${m.load[0]} before the run, on ${m.nproc} cores): other work shared the server's core, so throughput and ratios are noisy; server CPU per request is the steadier figure. Re-run \`npm run bench\` on a quiet machine.`,
          "",
        ]
      : [];
  const failed = r.failed.length
    ? [
        `**FAILED scenarios** (answers their expectation rules out, or requests without an answer): ${r.failed.join("; ")}.`,
        "",
      ]
    : [];
  const ratio = (t: ScenarioResult, floor: "hello" | "static" | "staticHome" | "render") =>
    t.ratio[floor] === null ? "" : `${t.ratio[floor]} (${t.cpuRatio[floor] ?? "?"})`;
  const counts = (t: ScenarioResult) =>
    ["2xx", "3xx", "4xx", "5xx"].map((c) => t.classes[c] ?? 0).join(" / ");
  const loads = (t: ScenarioResult) =>
    t.rounds.map((x) => `${x.loadBefore}→${x.loadAfter}`).join(", ");
  const lines = [
    ...failed,
    ...busy,
    `Measured ${r.date} with \`${r.command}\` on ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}; load average at start ${m.load.join(" ")}.`,
    `Server: the production bundle in workerd ${r.runtime.workerd} (Miniflare ${r.runtime.miniflare}, the copy wrangler ${r.runtime.wrangler} bundles and deploys against), loaded on workerd's own socket (no Miniflare entry Worker in between), pinned to core 0; autocannon pinned to core 1; ${r.settings.connections} connections, ${r.settings.rounds ?? 1} rounds of ${r.settings.seconds} s per scenario, interleaved (every scenario once per round, ratios taken within a round, median over rounds), ${r.settings.curveSeconds} s per run on the curve; 127.0.0.1 only.`,
    `Floors: hello world (bench/hello-world.js); static bytes (the cached project page's bytes and headers from a constant: ${r.floors.staticBytes}; the home page's likewise, for the cached home page: ${r.floors.staticHomeBytes}); render only (the project page as a visitor without a choice gets it, banner included, by preact-render-to-string of components/ProjectPage.tsx from views in memory; checked to send the site's bytes but the nonce before the runs: ${r.floors.renderOnly}).`,
    "",
    "**Budgets**",
    "",
    "| budget | limit | measured | met |",
    "|---|---|---|---|",
    ...r.budgets.map(
      (b) =>
        `| ${b.name} | ${b.limit} | ${b.measured} | ${b.met === null ? "n/a" : b.met ? "yes" : "**no**"} |`,
    ),
    "",
    "**Throughput** (× floor: requests/s over the floor's in the same round, median of the rounds; in brackets the CPU ratio, the floor's server CPU per request over this one's, which is what the ratio tends to when the server's core is saturated. Answers counted 2xx / 3xx / 4xx / 5xx; a GET scenario fails on anything but 2xx, POST on any 5xx, both on any request without an answer.)",
    "",
    "| scenario | req/s | p50 ms | p99 ms | × hello world | × static bytes | × render only | server CPU/req ms | server core busy | answers 2xx / 3xx / 4xx / 5xx | no answer | load avg before→after, per round | Cache-Status | result |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...r.throughput.map((t) =>
      "skipped" in t
        ? `| ${t.name} | skipped: ${t.skipped} | | | | | | | | | | | | **FAILED** |`
        : `| ${t.name} | ${t.requestsPerSecond} | ${t.p50Ms} | ${t.p99Ms} | ${ratio(t, "hello")} | ${t.name.startsWith("home page, cached") || t.name === "static bytes, home page (floor)" ? `${ratio(t, "staticHome")} (home)` : ratio(t, "static")} | ${t.name.endsWith("uncached") || t.name.startsWith("render") ? ratio(t, "render") : ""} | ${t.cpuPerRequestMs ?? ""} | ${t.serverCpu ?? ""} | ${counts(t)} | ${t.errors} | ${loads(t)} | ${t.cacheStatus ?? ""} | ${t.failed ? `**FAILED**: ${t.failures}` : "ok"} |`,
    ),
    "",
    "**Server render time** (server CPU per request, page cache off, less the hello-world floor's)",
    "",
    "| page | CPU/req ms | over the floor ms |",
    "|---|---|---|",
    ...r.renderTime.map((t) => `| ${t.page} | ${t.cpuPerRequestMs} | ${t.overFloorMs} |`),
    "",
    "**Bytes** (raw | gzip -9 | brotli -q 11)",
    "",
    "| what | raw | gzip | brotli |",
    "|---|---|---|---|",
    `| Worker bundle (index.js, ${r.bundle.minified ? "minified" : "not minified"}; wrangler reports ${r.bundle.wranglerKiB ?? "?"} KiB / gzip ${r.bundle.wranglerGzipKiB ?? "?"} KiB) | ${sizes(r.bundle)} |`,
    ...r.pages.map((p) => `| ${p.page} \`${p.path}\` | ${sizes(p)} |`),
    ...r.firstViews.flatMap((v) => [
      `| inline CSS of \`${v.path}\` | ${sizes(v.css)} |`,
      `| JS loaded by \`${v.path}\` (${v.js.files.join(", ") || "none"}) | ${sizes(v.js)} |`,
      `| **first view of \`${v.path}\`** (${kb(v.total.brotli)} KiB brotli) | ${sizes(v.total)} |`,
    ]),
    "",
    "**Cost curve** (synthetic projects, page cache off so every request renders: one project page, the home page, then every project page in turn; memory after the three runs: the Worker's V8 heap after a full collection, and workerd's RSS with Miniflare's KV and cache services)",
    "",
    "The isolate's own time is V8's CPU profile of the Worker's isolate in a further run of each, less its idle time and \"(program)\" (workerd's own work outside the isolate, the KV simulator's included): what the Worker itself spends, sampled, so larger than unsampled CPU.",
    "",
    "| projects | project: req/s, p50 ms, CPU/req ms | home: req/s, p50 ms, CPU/req ms | every project in turn: req/s, p50 ms, CPU/req ms | isolate's own µs/req: project, every project in turn | heap MiB used / allocated | workerd RSS MiB | failures |",
    "|---|---|---|---|---|---|---|---|",
    ...r.curve.map((c) => {
      const load = (l: {
        requestsPerSecond: number;
        p50Ms: number;
        cpuPerRequestMs: number | null;
      }) => `${l.requestsPerSecond}, ${l.p50Ms}, ${l.cpuPerRequestMs}`;
      return `| ${c.projects.toLocaleString("en")} | ${load(c.project)} | ${load(c.home)} | ${load(c.spread)} | ${c.ownUs ? `${c.ownUs.project}, ${c.ownUs.spread}` : ""} | ${c.heap.usedMiB} / ${c.heap.totalMiB} | ${c.residentMiB} | ${c.failures.length ? `**${c.failures.join("; ")}**` : "none"} |`;
    }),
    "",
  ];
  return lines.join("\n");
}
