// npm run bench:profile [-- --path /it/progetti/SLUG --seconds 5 --top 30]: where the Worker's CPU goes on one
// page. Builds the production bundle, serves it in workerd pinned to one core with V8's inspector open, warms the
// page, then samples the isolate's CPU (Profiler domain of the DevTools protocol) while autocannon loads it from the
// other core, and prints self time by function (bundle line) and by module of the source tree. Not a benchmark:
// the sampler itself costs throughput; the shares are what it tells.
import { parseArgs } from "node:util";
import { buildBundleWithSize } from "../scripts/lib/bundle.ts";
import { SITE_WORKER } from "../scripts/lib/serve-bundle.ts";
import { openDevtools } from "./lib/heap.ts";
import { runLoad } from "./lib/load.ts";
import { startServer } from "./lib/server.ts";

const { values } = parseArgs({
  options: {
    path: { type: "string", default: "/it/" },
    seconds: { type: "string", default: "5" },
    top: { type: "string", default: "30" },
    "page-cache": { type: "string", default: "on" },
    cookie: { type: "string" },
    /** Profile this Worker instead (served with no bindings, as the floors are), e.g. a floor bench/run.ts wrote. */
    script: { type: "string" },
    /** With --script: serve it with wrangler.toml's bindings (KV, D1…) instead of none, e.g. bench/hello-kv.js. */
    bindings: { type: "boolean", default: false },
  },
});

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

const bundle = values.script ?? (await buildBundleWithSize(undefined, { readable: true })).path;
const server = await startServer({
  script: bundle,
  inspector: true,
  pageCache: values["page-cache"] !== "off",
  floor: values.script !== undefined && !values.bindings,
});
try {
  const url = `${server.url}${values.path}`;
  const headers = values.cookie ? { Cookie: values.cookie } : undefined;
  for (let i = 0; i < 50; i++) {
    const response = await fetch(url, { headers });
    if (response.status !== 200)
      throw new Error(`${values.path} answered ${response.status} while warming`);
    await response.arrayBuffer();
  }
  const devtools = await openDevtools(server.inspector!, SITE_WORKER);
  await devtools.call("Profiler.enable");
  await devtools.call("Profiler.setSamplingInterval", { interval: 50 });
  await devtools.call("Profiler.start");
  const load = await runLoad({
    url,
    seconds: Number(values.seconds),
    connections: 32,
    headers,
    serverPid: server.workerdPid,
  });
  const { profile } = (await devtools.call("Profiler.stop")) as { profile: Profile };
  devtools.close();
  console.log(
    `${values.path}: ${load.requestsPerSecond} req/s, ${load.cpuPerRequestMs} ms CPU per request (profiled), non-2xx ${load.non2xx}, errors ${load.errors}`,
  );
  report(profile, load.requests, Number(values.top));
} finally {
  await server.stop();
}

/** Self time per function and per source module, in µs per request. */
function report(profile: Profile, requests: number, top: number): void {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
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
    `\nsampled ${(total / 1000).toFixed(0)} ms over ${requests} requests; self time per request:`,
  );
  for (const [name, us] of rows)
    console.log(
      `${(us / requests).toFixed(1).padStart(8)} µs  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`,
    );
}
