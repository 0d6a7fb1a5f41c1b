// npm run bench: builds the production bundle, serves it in workerd (wrangler's own Miniflare, no
// wrangler dev) pinned to one core, loads it from the other with autocannon beside three floors
// (hello world, the cached page's bytes from a constant, a render-only Worker), scenarios
// interleaved in rounds, and writes bench/results.json and bench/results.md. Exits 1, after writing
// them, if any scenario got an answer it must not (a non-2xx to a GET, a 5xx to a POST) or left a
// request unanswered; missed budgets are reported, not an exit code.
//   --quick       short runs and a short curve, to check the harness (in a temp folder, or --out)
//   --out DIR     where to write results.json and results.md (default bench/)
// Environment: BENCH_SECONDS (5 per round), BENCH_ROUNDS (3), BENCH_CURVE_SECONDS (5),
// BENCH_CONNECTIONS (32).
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildBundleWithSize } from "../scripts/lib/bundle.ts";
import { RUNTIME_VERSIONS, serveBundle } from "../scripts/lib/serve-bundle.ts";
import { PAGES, measureFirstView, measurePages } from "./page-weight.ts";
import { checkBudgets } from "./lib/budgets.ts";
import { PROJECT_COUNTS, measureCurve } from "./lib/curve.ts";
import { describeMachine } from "./lib/machine.ts";
import { type BenchResults, renderMarkdown } from "./lib/report.ts";
import { compressedSizes } from "./lib/sizes.ts";
import { FLOORS, type ScenarioResult, measureThroughput } from "./lib/throughput.ts";

const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, out: { type: "string" } },
});
const quick = values.quick;
const out =
  values.out ??
  (quick ? join(tmpdir(), "fvm-bench-quick") : new URL(".", import.meta.url).pathname);
const settings = {
  seconds: Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 5)),
  rounds: Number(process.env.BENCH_ROUNDS ?? (quick ? 2 : 3)),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 32),
};
const curveSettings = {
  ...settings,
  rounds: 1,
  seconds: Number(process.env.BENCH_CURVE_SECONDS ?? (quick ? 1 : 5)),
};

await requireTaskset();
const machine = describeMachine();
const step = (text: string) => process.stderr.write(`bench: ${text}\n`);

step(
  `building the production bundle (wrangler deploy --dry-run); served by workerd ${RUNTIME_VERSIONS.workerd} from wrangler ${RUNTIME_VERSIONS.wrangler}'s Miniflare ${RUNTIME_VERSIONS.miniflare}`,
);
const { path: bundle, size: bundleSize } = await buildBundleWithSize();

step("page weight");
const site = await serveBundle({ scriptPath: bundle });
const [pages, firstViews] = await (async () => {
  try {
    const projectPaths = [
      PAGES["project (it, Life Sciences)"],
      PAGES["project (en, Life Sciences)"],
    ];
    return [
      await measurePages(site.url),
      await Promise.all(projectPaths.map((path) => measureFirstView(site.url, path))),
    ] as const;
  } finally {
    await site.close();
  }
})();

step(`throughput, ${settings.rounds} interleaved rounds of ${settings.seconds} s per scenario`);
const { results: throughput, floors } = await measureThroughput(bundle, settings, step);

step(`cost curve at ${(quick ? PROJECT_COUNTS.slice(0, 2) : PROJECT_COUNTS).join(", ")} projects`);
const curve = await measureCurve(
  bundle,
  curveSettings,
  quick ? PROJECT_COUNTS.slice(0, 2) : PROJECT_COUNTS,
);

const measured = throughput.filter((t): t is ScenarioResult => "requestsPerSecond" in t);
const floorCpu = measured.find((t) => t.name === FLOORS.hello)?.cpuPerRequestMs ?? 0;
const failed = [
  ...throughput
    .filter((t) => t.failed)
    .map((t) => `${t.name}: ${"skipped" in t ? t.skipped : t.failures}`),
  ...curve.flatMap((c) => c.failures.map((f) => `curve, ${c.projects} projects, ${f}`)),
];
const bundleSizes = { ...compressedSizes(await readFile(bundle)), ...bundleSize };
const results: BenchResults = {
  date: new Date().toISOString(),
  command: quick ? "npm run bench -- --quick" : "npm run bench",
  machine,
  runtime: RUNTIME_VERSIONS,
  settings: { ...settings, curveSeconds: curveSettings.seconds },
  bundle: bundleSizes,
  floors,
  pages,
  firstViews,
  throughput,
  renderTime: measured
    .filter((t) => t.name.endsWith(", uncached") && t.cpuPerRequestMs !== null)
    .map((t) => ({
      page: t.name.replace(", uncached", ""),
      cpuPerRequestMs: t.cpuPerRequestMs!,
      overFloorMs: Math.round((t.cpuPerRequestMs! - floorCpu) * 1000) / 1000,
    })),
  curve,
  budgets: checkBudgets({ firstViews: [...firstViews], throughput, curve, bundle: bundleSizes }),
  failed,
};

await mkdir(out, { recursive: true });
await writeFile(join(out, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
const markdown = renderMarkdown(results);
await writeFile(join(out, "results.md"), `# Benchmark results\n\n${markdown}`);
process.stdout.write(`${markdown}\nWritten to ${join(out, "results.json")} and results.md\n`);
if (failed.length) {
  process.stderr.write(`bench: FAILED, answers no scenario may get:\n  ${failed.join("\n  ")}\n`);
  process.exitCode = 1;
}

async function requireTaskset(): Promise<void> {
  try {
    await stat("/usr/bin/taskset");
  } catch {
    throw new Error(
      "taskset is needed to pin server and load generator to their own cores (apt-get install util-linux)",
    );
  }
}
