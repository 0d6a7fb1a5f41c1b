// The performance budgets of DESIGN.md and issue 10, checked against measured figures. Pure.
import type { FirstView } from "../page-weight.ts";
import type { CurvePoint } from "./curve.ts";
import type { BundleSize } from "../../scripts/lib/bundle.ts";
import type { ScenarioResult, Skipped } from "./throughput.ts";

export type Budget = { name: string; limit: string; measured: string; met: boolean | null };

/** 14 KiB: what fits in the first TCP round trip (10 segments of 1,460 bytes, less headers). */
export const FIRST_VIEW_BYTES = 14 * 1024;
export const JS_BYTES = 3 * 1024;
/**
 * A cached page within 10% of returning its bytes from a constant; an uncached one within 10% of
 * rendering alone.
 */
export const CACHED_RATIO = 0.9;
export const UNCACHED_RATIO = 0.9;
/** "Flat": the largest site costs at most this much more per request than the smallest. */
export const FLAT_GROWTH = 1.1;
/**
 * The in-isolate caches fill up to their bounds on a large site; a heap this much larger is
 * still flat.
 */
export const FLAT_HEAP_MIB = 1;
/**
 * The Worker a visitor's request loads, gzip as `wrangler deploy` reports it (KiB, as
 * wrangler prints).
 */
export const BUNDLE_GZIP_KIB = 40;

export type BudgetInputs = {
  firstViews: FirstView[];
  throughput: (ScenarioResult | Skipped)[];
  curve: CurvePoint[];
  bundle: BundleSize;
};

export function checkBudgets({ firstViews, throughput, curve, bundle }: BudgetInputs): Budget[] {
  const worst = (pick: (v: FirstView) => { gzip: number; brotli: number }) =>
    Math.max(...firstViews.map((v) => Math.max(pick(v).gzip, pick(v).brotli)));
  const firstView = worst((v) => v.total);
  const js = worst((v) => v.js);
  const scenario = (name: string) =>
    throughput.find((r): r is ScenarioResult => r.name === name && "ratio" in r);
  const [small, large] = [curve[0], curve.at(-1)];
  const growth = (pick: (p: CurvePoint) => number | null) =>
    small && large && pick(small) && pick(large) ? pick(large)! / pick(small)! : null;
  const memoryGrowth = growth((p) => p.heap.usedMiB);
  const sizes = `${large?.projects ?? "?"} vs ${small?.projects ?? "?"} projects`;
  const gets = throughput.filter((t) => !("expect" in t) || t.expect === "2xx");
  const posts = throughput.filter((t) => "expect" in t && t.expect === "no-5xx");
  return [
    {
      name: "project page, first view, compressed (worse of gzip and brotli, both locales)",
      limit: `≤ ${FIRST_VIEW_BYTES} B`,
      measured: `${firstView} B`,
      met: firstView <= FIRST_VIEW_BYTES,
    },
    {
      name: "JavaScript, compressed",
      limit: `≤ ${JS_BYTES} B`,
      measured: `${js} B`,
      met: js <= JS_BYTES,
    },
    {
      name: "Worker bundle for visitors, gzip (wrangler deploy --dry-run)",
      limit: `≤ ${BUNDLE_GZIP_KIB} KiB`,
      measured:
        bundle.wranglerGzipKiB === null
          ? "not reported"
          : `${bundle.wranglerGzipKiB} KiB (${bundle.minified ? "minified" : "not minified"})`,
      met: bundle.wranglerGzipKiB === null ? null : bundle.wranglerGzipKiB <= BUNDLE_GZIP_KIB,
    },
    atLeast(
      "cached project page vs the static-bytes floor (requests/s)",
      scenario("project page, cached"),
      "static",
      CACHED_RATIO,
    ),
    atLeast(
      "cached home page vs its static-bytes floor (requests/s)",
      scenario("home page, cached"),
      "staticHome",
      CACHED_RATIO,
    ),
    atLeast(
      "uncached project page vs the render-only floor (requests/s)",
      scenario("project page, uncached"),
      "render",
      UNCACHED_RATIO,
    ),
    {
      name: "non-2xx answers and unanswered requests, every GET scenario (throughput and cost curve)",
      limit: "0",
      measured: describeFailures([
        ...gets,
        ...curve.map((c) => ({ name: `${c.projects} projects`, failures: c.failures.join("; ") })),
      ]),
      met: gets.every((t) => !t.failed) && curve.every((c) => c.failures.length === 0),
    },
    {
      name: "5xx answers and unanswered requests, POST /consent",
      limit: "0",
      measured: describeFailures(posts),
      met: posts.length ? posts.every((t) => !t.failed) : null,
    },
    growthBudget(
      `server CPU per request, every request another project page, ${sizes}`,
      growth((p) => p.spread.cpuPerRequestMs),
    ),
    growthBudget(
      `the Worker isolate's own time per request (sampled), every request another project page, ${sizes}`,
      growth((p) => p.ownUs?.spread ?? null),
    ),
    growthBudget(
      `server CPU per request, the same project page, ${sizes}`,
      growth((p) => p.project.cpuPerRequestMs),
    ),
    growthBudget(
      `server CPU per request, the home page, ${sizes}`,
      growth((p) => p.home.cpuPerRequestMs),
    ),
    {
      name: `Worker heap after a full GC (V8 isolate), ${sizes}`,
      limit: `≤ ${FLAT_GROWTH}× or ≤ +${FLAT_HEAP_MIB} MiB`,
      measured:
        memoryGrowth && small && large
          ? `${memoryGrowth.toFixed(2)}× (${small.heap.usedMiB} → ${large.heap.usedMiB} MiB)`
          : "not measured",
      met:
        memoryGrowth && small && large
          ? memoryGrowth <= FLAT_GROWTH || large.heap.usedMiB - small.heap.usedMiB <= FLAT_HEAP_MIB
          : null,
    },
  ];
}

/** Judged on requests/s within each round, as the budget says; the CPU ratio is shown beside it. */
function atLeast(
  name: string,
  result: ScenarioResult | undefined,
  floor: "static" | "staticHome" | "render",
  limit: number,
): Budget {
  const ratio = result?.ratio[floor];
  if (ratio == null) return { name, limit: `≥ ${limit}×`, measured: "not measured", met: null };
  return {
    name,
    limit: `≥ ${limit}×`,
    measured: `${ratio}× (CPU ratio ${result!.cpuRatio[floor] ?? "?"}×)`,
    met: ratio >= limit,
  };
}

function growthBudget(name: string, growth: number | null): Budget {
  return {
    name,
    limit: `≤ ${FLAT_GROWTH}×`,
    measured: growth ? `${growth.toFixed(2)}×` : "not measured",
    met: growth ? growth <= FLAT_GROWTH : null,
  };
}

function describeFailures(
  rows: { name: string; failed?: boolean; failures?: string; skipped?: string }[],
): string {
  const bad = rows.filter((r) => r.failures || r.skipped);
  return bad.length ? bad.map((r) => `${r.name}: ${r.skipped ?? r.failures}`).join("; ") : "none";
}
