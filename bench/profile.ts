// npm run bench:profile [-- --path /it/progetti/SLUG --seconds 5 --top 30]: where the Worker's CPU
// goes on one page (or, with --projects N, on a synthetic site of N projects whose every project
// page is asked in turn). Builds the production bundle, serves it in workerd pinned to one core
// with V8's inspector open, warms the page, then samples the isolate's CPU (Profiler domain of the
// DevTools protocol) while autocannon loads it from the other core, and prints self time by
// function (bundle line) and by module of the source tree. Not a benchmark: the sampler itself
// costs throughput; the shares are what it tells.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildBundleWithSize } from "../scripts/lib/bundle.ts";
import { SITE_WORKER } from "../scripts/lib/serve-bundle.ts";
import { type CpuProfile, ownTimeUs, profileDuring, selfTimes } from "./lib/cpu-profile.ts";
import { generateProjects, syntheticProjectPaths } from "./lib/curve.ts";
import { runLoad } from "./lib/load.ts";
import { startServer } from "./lib/server.ts";

const { values } = parseArgs({
  options: {
    path: { type: "string", default: "/it/" },
    seconds: { type: "string", default: "5" },
    top: { type: "string", default: "30" },
    "page-cache": { type: "string", default: "on" },
    cookie: { type: "string" },
    /**
     * Profile this Worker instead (served with no bindings, as the floors are), e.g. a floor
     * bench/run.ts wrote.
     */
    script: { type: "string" },
    /**
     * With --script: serve it with wrangler.toml's bindings (KV, D1…) instead of none,
     * e.g. bench/hello-kv.js.
     */
    bindings: { type: "boolean", default: false },
    /**
     * A synthetic site of this many projects (scripts/generate-projects.ts), every project page
     * asked in turn.
     */
    projects: { type: "string" },
  },
});

const projects = values.projects ? Number(values.projects) : undefined;
const work = projects ? mkdtempSync(join(tmpdir(), "fvm-profile-")) : undefined;
if (projects && work) generateProjects(projects, join(work, "content"));
const paths = projects ? syntheticProjectPaths(projects) : [values.path];

const bundle = values.script ?? (await buildBundleWithSize(undefined, { readable: true })).path;
const server = await startServer({
  script: bundle,
  inspector: true,
  pageCache: values["page-cache"] !== "off",
  floor: values.script !== undefined && !values.bindings,
  contentDir: work && join(work, "content"),
});
try {
  const url = `${server.url}${paths[0]}`;
  const headers = values.cookie ? { Cookie: values.cookie } : undefined;
  for (let i = 0; i < 50; i++) {
    const response = await fetch(url, { headers });
    if (response.status !== 200)
      throw new Error(`${paths[0]} answered ${response.status} while warming`);
    await response.arrayBuffer();
  }
  const { profile, result: load } = await profileDuring(
    server.inspector!,
    () =>
      runLoad({
        url,
        morePaths: paths.slice(1),
        seconds: Number(values.seconds),
        connections: 32,
        headers,
        serverPid: server.workerdPid,
      }),
    { worker: SITE_WORKER },
  );
  console.log(
    `${projects ? `every project page of ${projects} in turn` : values.path}: ${load.requestsPerSecond} req/s, ${load.cpuPerRequestMs} ms CPU per request (profiled), non-2xx ${load.non2xx}, errors ${load.errors}`,
  );
  report(profile, load.requests, Number(values.top));
} finally {
  await server.stop();
  if (work) rmSync(work, { recursive: true, force: true });
}

/** Self time per function and per source module, in µs per request. */
function report(profile: CpuProfile, requests: number, top: number): void {
  const selfUs = selfTimes(profile);
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.split("/").pop()}:${lineNumber + 1}` : "(native)";
    const name = `${functionName || "(anonymous)"} ${where}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(
    `\nsampled ${(total / 1000).toFixed(0)} ms over ${requests} requests, the isolate's own ${(ownTimeUs(profile) / requests).toFixed(1)} µs per request; self time per request:`,
  );
  for (const [name, us] of rows)
    console.log(
      `${(us / requests).toFixed(1).padStart(8)} µs  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`,
    );
}
