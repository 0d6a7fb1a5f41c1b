// npm run bench:compare -- --base REV [--path /it/…] [--rounds 10] [--seconds 3] [--page-cache
// off]: this tree's Worker against the one committed at REV, on one page, in alternating runs
// (base, this, base, this …) on the same core, so a change of a few microseconds per request shows
// through the machine's drift. Prints each pair's server CPU per request and requests/s and the
// median of the paired ratios. Every answer must be a 200.
import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildBundle } from "../scripts/lib/bundle.ts";
import { runLoad } from "./lib/load.ts";
import { startServer } from "./lib/server.ts";
import { PROJECT_PATH, median } from "./lib/throughput.ts";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "HEAD" },
    path: { type: "string", default: PROJECT_PATH },
    rounds: { type: "string", default: "10" },
    seconds: { type: "string", default: "3" },
    "page-cache": { type: "string", default: "on" },
  },
});
const ROOT = new URL("../", import.meta.url).pathname;
const git = (...args: string[]) =>
  execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();

const work = await mkdtemp(join(tmpdir(), "fvm-compare-"));
const tree = join(work, "base");
git("worktree", "add", "--detach", tree, values.base);
try {
  // The base's own sources with this tree's packages (a base with other dependencies is not
  // comparable here).
  symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"));
  const baseBundle = join(work, "base-bundle");
  execFileSync(
    process.execPath,
    [
      "-e",
      `await (await import("./scripts/lib/bundle.ts")).buildBundle(${JSON.stringify(baseBundle)})`,
    ],
    { cwd: tree, stdio: "inherit", env: { ...process.env, NODE_OPTIONS: "--input-type=module" } },
  );
  const bundles = { base: join(baseBundle, "index.js"), this: await buildBundle() };
  const pageCache = values["page-cache"] !== "off";
  const servers = {
    base: await startServer({ script: bundles.base, pageCache }),
    this: await startServer({ script: bundles.this, pageCache }),
  };
  try {
    for (const server of Object.values(servers))
      for (let i = 0; i < 20; i++) {
        const response = await fetch(server.url + values.path);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${values.path} answered ${response.status}`);
      }
    const pairs: { cpu: number; rps: number }[] = [];
    let wrong = 0;
    const load = async (name: keyof typeof servers) => {
      const run = await runLoad({
        url: servers[name].url + values.path,
        seconds: Number(values.seconds),
        connections: 32,
        serverPid: servers[name].workerdPid,
      });
      wrong += run.non2xx + run.errors;
      return run;
    };
    for (let round = 0; round < Number(values.rounds); round++) {
      const a = await load("base");
      const b = await load("this");
      pairs.push({
        cpu: b.cpuPerRequestMs! / a.cpuPerRequestMs!,
        rps: b.requestsPerSecond / a.requestsPerSecond,
      });
      console.log(
        `round ${round + 1}: base ${a.cpuPerRequestMs} ms ${a.requestsPerSecond}/s, this ${b.cpuPerRequestMs} ms ${b.requestsPerSecond}/s`,
      );
    }
    console.log(
      `${values.path}, page cache ${pageCache ? "on" : "off"}: this / ${values.base}: CPU per request ${median(pairs.map((p) => p.cpu)).toFixed(3)}×, requests/s ${median(pairs.map((p) => p.rps)).toFixed(3)}× (median of ${pairs.length} pairs); ${wrong === 0 ? "every answer 200" : `${wrong} answers not 200 or missing: NOT COMPARABLE`}`,
    );
    if (wrong) process.exitCode = 1;
  } finally {
    for (const server of Object.values(servers)) await server.stop();
  }
} finally {
  git("worktree", "remove", "--force", tree);
  await rm(work, { recursive: true, force: true });
}
