// bench/results.md: the figures as the README quotes them.
import type { FirstView, PageWeight } from "../page-weight.ts";
import type { Budget } from "./budgets.ts";
import type { CurvePoint } from "./curve.ts";
import type { Machine } from "./machine.ts";
import type { Sizes } from "./sizes.ts";
import type { LoadSettings, ScenarioResult, Skipped } from "./throughput.ts";

export type BenchResults = {
  date: string;
  command: string;
  machine: Machine;
  settings: LoadSettings & { curveSeconds: number };
  bundle: Sizes;
  pages: PageWeight[];
  firstViews: FirstView[];
  throughput: (ScenarioResult | Skipped)[];
  /** Server CPU per request of each uncached page type, less the hello-world floor's. */
  renderTime: { page: string; cpuPerRequestMs: number; overFloorMs: number }[];
  curve: CurvePoint[];
  budgets: Budget[];
};

/** A one-minute load average above this, before the run, means other work was competing for the cores. */
const BUSY_LOAD = 1;

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const sizes = (s: Sizes) => `${s.raw} | ${s.gzip} | ${s.brotli}`;
  const busy = m.load[0]! >= BUSY_LOAD
    ? [`**The machine was busy** (load average ${m.load[0]} before the run, on ${m.nproc} cores): other work shared the server's core, so throughput and ratios are noisy; server CPU per request is the steadier figure. Re-run \`npm run bench\` on a quiet machine.`, ""]
    : [];
  const lines = [
    ...busy,
    `Measured ${r.date} with \`${r.command}\` on ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}; load average at start ${m.load.join(" ")}.`,
    `Server (workerd via Miniflare, the production bundle) pinned to core 0, autocannon to core 1; ${r.settings.connections} connections, ${r.settings.seconds} s per scenario (${r.settings.curveSeconds} s on the curve), 127.0.0.1 only.`,
    "",
    "**Budgets**",
    "",
    "| budget | limit | measured | met |",
    "|---|---|---|---|",
    ...r.budgets.map((b) => `| ${b.name} | ${b.limit} | ${b.measured} | ${b.met === null ? "n/a" : b.met ? "yes" : "**no**"} |`),
    "",
    "**Throughput** (ratio: requests/s over the hello-world Worker's in the same harness; CPU ratio: its server CPU per request over this one's, which is what the ratio tends to when the server core is saturated)",
    "",
    "| scenario | req/s | p50 ms | p99 ms | ratio | server CPU/req ms | CPU ratio | server core busy | Cache-Status |",
    "|---|---|---|---|---|---|---|---|---|",
    ...r.throughput.map((t) =>
      "skipped" in t
        ? `| ${t.name} | skipped: ${t.skipped} | | | | | | | |`
        : `| ${t.name} | ${t.requestsPerSecond} | ${t.p50Ms} | ${t.p99Ms} | ${t.ratio ?? ""} | ${t.cpuPerRequestMs ?? ""} | ${t.cpuRatio ?? ""} | ${t.serverCpu ?? ""} | ${t.cacheStatus ?? ""} |`,
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
    `| Worker bundle (index.js) | ${sizes(r.bundle)} |`,
    ...r.pages.map((p) => `| ${p.page} \`${p.path}\` | ${sizes(p)} |`),
    ...r.firstViews.flatMap((v) => [
      `| inline CSS of \`${v.path}\` | ${sizes(v.css)} |`,
      `| JS loaded by \`${v.path}\` (${v.js.files.join(", ") || "none"}) | ${sizes(v.js)} |`,
      `| **first view of \`${v.path}\`** (${kb(v.total.brotli)} KiB brotli) | ${sizes(v.total)} |`,
    ]),
    "",
    "**Cost curve** (synthetic projects, page cache off so every request renders: one project page, the home page, then every project page in turn; memory after the three runs: the Worker's V8 heap after a full collection, and workerd's RSS with Miniflare's KV and cache services)",
    "",
    "| projects | project: req/s, p50 ms, CPU/req ms | home: req/s, p50 ms, CPU/req ms | every project in turn: req/s, p50 ms, CPU/req ms | heap MiB used / allocated | workerd RSS MiB |",
    "|---|---|---|---|---|---|",
    ...r.curve.map((c) => {
      const load = (l: { requestsPerSecond: number; p50Ms: number; cpuPerRequestMs: number | null }) => `${l.requestsPerSecond}, ${l.p50Ms}, ${l.cpuPerRequestMs}`;
      return `| ${c.projects.toLocaleString("en")} | ${load(c.project)} | ${load(c.home)} | ${load(c.spread)} | ${c.heap.usedMiB} / ${c.heap.totalMiB} | ${c.residentMiB} |`;
    }),
    "",
  ];
  return lines.join("\n");
}
