// The performance budgets of DESIGN.md, checked against measured figures. Pure.
import type { FirstView } from "../page-weight.ts";
import type { CurvePoint } from "./curve.ts";
import type { ScenarioResult, Skipped } from "./throughput.ts";

export type Budget = { name: string; limit: string; measured: string; met: boolean | null };

/** 14 KiB: what fits in the first TCP round trip (10 segments of 1,460 bytes, less headers). */
export const FIRST_VIEW_BYTES = 14 * 1024;
export const JS_BYTES = 3 * 1024;
export const CACHED_RATIO = 0.8;
export const UNCACHED_RATIO = 0.5;
/** "Flat": the largest site costs at most this much more than the smallest, per request and in memory. */
export const FLAT_GROWTH = 1.25;
/** The in-isolate caches fill up to their bounds on a large site; a heap this much larger is still flat. */
export const FLAT_HEAP_MIB = 1;

export type BudgetInputs = {
  firstViews: FirstView[];
  throughput: (ScenarioResult | Skipped)[];
  curve: CurvePoint[];
};

export function checkBudgets({ firstViews, throughput, curve }: BudgetInputs): Budget[] {
  const worst = (pick: (v: FirstView) => { gzip: number; brotli: number }) =>
    Math.max(...firstViews.map((v) => Math.max(pick(v).gzip, pick(v).brotli)));
  const firstView = worst((v) => v.total);
  const js = worst((v) => v.js);
  const scenario = (name: string) => throughput.find((r): r is ScenarioResult => r.name === name && "ratio" in r);
  const cached = scenario("project page, cached");
  const uncached = scenario("project page, uncached");
  const [small, large] = [curve[0], curve.at(-1)];
  const growth = (pick: (p: CurvePoint) => number | null) =>
    small && large && pick(small) && pick(large) ? pick(large)! / pick(small)! : null;
  const timeGrowth = Math.max(growth((p) => p.project.cpuPerRequestMs) ?? 0, growth((p) => p.home.cpuPerRequestMs) ?? 0);
  const memoryGrowth = growth((p) => p.heap.usedMiB);
  return [
    {
      name: "project page, first view, compressed (worse of gzip and brotli, both locales)",
      limit: `≤ ${FIRST_VIEW_BYTES} B`,
      measured: `${firstView} B`,
      met: firstView <= FIRST_VIEW_BYTES,
    },
    { name: "JavaScript, compressed", limit: `≤ ${JS_BYTES} B`, measured: `${js} B`, met: js <= JS_BYTES },
    atLeast("cached project page vs hello world (requests/s)", cached, CACHED_RATIO),
    atLeast("uncached project page vs hello world (requests/s)", uncached, UNCACHED_RATIO),
    {
      name: `server CPU per request, ${large?.projects ?? "?"} vs ${small?.projects ?? "?"} projects (the same project page, the home page; worse of the two)`,
      limit: `≤ ${FLAT_GROWTH}×`,
      measured: timeGrowth ? `${timeGrowth.toFixed(2)}×` : "not measured",
      met: timeGrowth ? timeGrowth <= FLAT_GROWTH : null,
    },
    {
      name: `Worker heap after a full GC (V8 isolate), ${large?.projects ?? "?"} vs ${small?.projects ?? "?"} projects`,
      limit: `≤ ${FLAT_GROWTH}× or ≤ +${FLAT_HEAP_MIB} MiB`,
      measured: memoryGrowth && small && large ? `${memoryGrowth.toFixed(2)}× (${small.heap.usedMiB} → ${large.heap.usedMiB} MiB)` : "not measured",
      met: memoryGrowth && small && large ? memoryGrowth <= FLAT_GROWTH || large.heap.usedMiB - small.heap.usedMiB <= FLAT_HEAP_MIB : null,
    },
  ];
}

/** Judged on requests/s, as the budget says; the CPU ratio is shown beside it. */
function atLeast(name: string, result: ScenarioResult | undefined, limit: number): Budget {
  if (result?.ratio == null) return { name, limit: `≥ ${limit}×`, measured: "not measured", met: null };
  return { name, limit: `≥ ${limit}×`, measured: `${result.ratio}× (CPU ratio ${result.cpuRatio ?? "?"}×)`, met: result.ratio >= limit };
}
