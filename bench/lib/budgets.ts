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
  const ratio = (name: string) => throughput.find((r): r is ScenarioResult => r.name === name && "ratio" in r)?.ratio ?? null;
  const cached = ratio("project page, cached");
  const uncached = ratio("project page, uncached");
  const [small, large] = [curve[0], curve.at(-1)];
  const growth = (pick: (p: CurvePoint) => number | null) =>
    small && large && pick(small) && pick(large) ? pick(large)! / pick(small)! : null;
  const timeGrowth = Math.max(growth((p) => p.project.cpuPerRequestMs) ?? 0, growth((p) => p.home.cpuPerRequestMs) ?? 0);
  const memoryGrowth = growth((p) => p.residentMiB);
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
      name: `server CPU per request, ${large?.projects ?? "?"} vs ${small?.projects ?? "?"} projects (project and home pages)`,
      limit: `≤ ${FLAT_GROWTH}×`,
      measured: timeGrowth ? `${timeGrowth.toFixed(2)}×` : "not measured",
      met: timeGrowth ? timeGrowth <= FLAT_GROWTH : null,
    },
    {
      name: `workerd memory, ${large?.projects ?? "?"} vs ${small?.projects ?? "?"} projects`,
      limit: `≤ ${FLAT_GROWTH}×`,
      measured: memoryGrowth ? `${memoryGrowth.toFixed(2)}×` : "not measured",
      met: memoryGrowth ? memoryGrowth <= FLAT_GROWTH : null,
    },
  ];
}

function atLeast(name: string, value: number | null, limit: number): Budget {
  return { name, limit: `≥ ${limit}×`, measured: value === null ? "not measured" : `${value}×`, met: value === null ? null : value >= limit };
}
