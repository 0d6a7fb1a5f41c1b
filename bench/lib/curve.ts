// The cost curve: the same requests against sites of 50 to 10,000 projects. Time per request and
// memory should not grow with the number of projects, because a request reads the pointer and a
// constant number of keys.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCALES } from "../../content/locales.ts";
import { pathFor } from "../../content/paths.ts";
import { serveBundle } from "../../scripts/lib/serve-bundle.ts";
import { syntheticProjects } from "../../scripts/lib/synthetic-projects.ts";
import { ownTimeUs, profileDuring } from "./cpu-profile.ts";
import { type HeapUsage, retainedHeap } from "./heap.ts";
import { type LoadResult, runLoad } from "./load.ts";
import { residentBytes } from "./proc.ts";
import { startServer } from "./server.ts";
import type { LoadSettings } from "./throughput.ts";

export const PROJECT_COUNTS = [50, 500, 5_000, 10_000];

const GENERATE = new URL("../../scripts/generate-projects.ts", import.meta.url).pathname;

export type CurvePoint = {
  projects: number;
  /**
   * A project page rendered on every request (PAGE_CACHE = off): the last project, so the whole
   * list is behind it.
   */
  project: LoadResult;
  /** The home page, first of its pages, rendered on every request. */
  home: LoadResult;
  /**
   * Every project page in both languages in turn: each request another page, most of them read
   * from KV.
   */
  spread: LoadResult;
  /**
   * The Worker's V8 heap after the runs and a full collection (used and allocated), read over
   * the inspector.
   */
  heap: { usedMiB: number; totalMiB: number };
  /**
   * The Worker isolate's own sampled time per request (µs, V8's CPU profiler, another run of each
   * after the others): its JavaScript, GC and runtime calls, without the KV simulator that shares
   * workerd's process here (on Cloudflare a KV read is the Worker's wait, not its CPU). The sampler
   * slows what it samples: compare these with each other, not with the CPU figures.
   */
  ownUs: { project: number; spread: number };
  /**
   * workerd's resident memory after the runs (the Worker, and Miniflare's KV and cache services
   * beside it).
   */
  residentMiB: number;
  /** Non-2xx answers and requests without an answer, per run: every one is a failure. */
  failures: string[];
};

/** A content/ folder of `count` synthetic projects at `out` (scripts/generate-projects.ts). */
export function generateProjects(count: number, out: string): void {
  const generated = spawnSync(
    process.execPath,
    [GENERATE, "--count", String(count), "--out", out],
    { encoding: "utf8" },
  );
  if (generated.status !== 0) throw new Error(`generate-projects failed: ${generated.stderr}`);
}

/** Every project page of such a site, project by project, in each locale (Italian first). */
export function syntheticProjectPaths(count: number): string[] {
  return syntheticProjects(count).flatMap((project) =>
    LOCALES.map((locale) => pathFor(locale, { page: "project", slug: project.text[locale].slug })),
  );
}

export async function measureCurve(
  bundle: string,
  settings: LoadSettings,
  counts = PROJECT_COUNTS,
): Promise<CurvePoint[]> {
  const points: CurvePoint[] = [];
  for (const projects of counts) {
    const work = await mkdtemp(join(tmpdir(), `fvm-curve-${projects}-`));
    try {
      const content = join(work, "content");
      const kv = join(work, "kv");
      generateProjects(projects, content);
      // Seed once in a throwaway instance, then serve the persisted KV from a fresh workerd.
      await (await serveBundle({ scriptPath: bundle, contentDir: content, kvPersist: kv })).close();
      const server = await startServer({
        script: bundle,
        pageCache: false,
        kvPersist: kv,
        seed: false,
        inspector: true,
      });
      try {
        const run = async (path: string, morePaths: string[] = []) => {
          const probe = await fetch(server.url + path);
          await probe.arrayBuffer();
          if (probe.status !== 200)
            throw new Error(`${path} answered ${probe.status} with ${projects} projects`);
          return runLoad({
            url: server.url + path,
            morePaths,
            ...settings,
            serverPid: server.workerdPid,
          });
        };
        const paths = syntheticProjectPaths(projects);
        // The last project (in Italian), so the whole list is behind it.
        const last = paths[paths.length - LOCALES.length]!;
        const project = await run(last);
        const home = await run("/it/");
        const [first = "", ...rest] = paths;
        const spread = await run(first, rest);
        const heap = await settledHeap(server.inspector!);
        const sampled = async (path: string, morePaths: string[] = []) => {
          const { profile, result } = await profileDuring(server.inspector!, () =>
            run(path, morePaths),
          );
          return Math.round((ownTimeUs(profile) / result.requests) * 10) / 10;
        };
        const ownUs = {
          project: await sampled(last),
          spread: await sampled(first, rest),
        };
        points.push({
          projects,
          project,
          home,
          spread,
          heap: { usedMiB: mib(heap.usedBytes), totalMiB: mib(heap.totalBytes) },
          ownUs,
          residentMiB: Math.round(residentBytes(server.workerdPid) / 2 ** 20),
          failures: Object.entries({ project, home, spread }).flatMap(([run, load]) => {
            const wrong = Object.entries(load.statuses).filter(
              ([status]) => !status.startsWith("2"),
            );
            const parts = [
              ...wrong.map(([status, n]) => `${n} × ${status}`),
              ...(load.errors ? [`${load.errors} without an answer`] : []),
            ];
            return parts.length ? [`${run}: ${parts.join(", ")}`] : [];
          }),
        });
      } finally {
        await server.stop();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return points;
}

/**
 * The retained heap once the last requests of a run have finished: the smallest of a few readings a
 * moment apart, as a request still in flight when the load stops holds its page and views.
 */
async function settledHeap(inspector: string): Promise<HeapUsage> {
  const readings: HeapUsage[] = [];
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    readings.push(await retainedHeap(inspector));
  }
  return readings.reduce((a, b) => (b.usedBytes < a.usedBytes ? b : a));
}

function mib(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}
