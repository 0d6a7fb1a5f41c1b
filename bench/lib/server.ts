// Starts bench/serve.ts pinned to the server's core and hands back its URL and workerd's pid.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { findInTree } from "./proc.ts";

/**
 * The server gets core 0, the load generator core 1 (2 cores here; see bench/README in the
 * main README).
 */
export const SERVER_CORE = "0";
export const LOAD_CORE = "1";

const SERVE = new URL("../serve.ts", import.meta.url).pathname;

/**
 * `pageCache: false` serves with PAGE_CACHE = "off" (every page rendered); `seed: false` serves a
 * KV seeded before; `inspector` opens V8's inspector, to read the Worker's heap.
 */
export type BenchServerOptions = {
  script: string;
  pageCache?: boolean;
  contentDir?: string;
  kvPersist?: string;
  seed?: boolean;
  inspector?: boolean;
  /** A floor Worker: served with no bindings of wrangler.toml (and no KV to seed). */
  floor?: boolean;
  vars?: Record<string, string>;
};
/**
 * `url`: workerd's own socket for the Worker, where the load goes (Miniflare's entry Worker in
 * front would cost more than hello world itself, and flatten every ratio); `entryUrl`: through that
 * entry, as wrangler dev serves.
 */
export type BenchServer = {
  url: string;
  entryUrl: string;
  inspector?: string;
  workerdPid: number;
  stop: () => Promise<void>;
};

export async function startServer(options: BenchServerOptions): Promise<BenchServer> {
  const args = [
    SERVE,
    "--script",
    options.script,
    "--page-cache",
    options.pageCache === false ? "off" : "on",
  ];
  if (options.contentDir) args.push("--content", options.contentDir);
  if (options.kvPersist) args.push("--persist", options.kvPersist);
  if (options.seed === false) args.push("--seed", "off");
  if (options.inspector) args.push("--inspector");
  if (options.floor) args.push("--config", "none", "--seed", "off");
  if (options.vars) args.push("--vars", JSON.stringify(options.vars));
  const child = spawn("taskset", ["-c", SERVER_CORE, process.execPath, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  // workerd logs every connection the load generator drops at the end of a run; keep only the tail,
  // for failures.
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    // wrangler may print a notice of its own first ("Using secrets defined in .dev.vars"): the
    // server's line is JSON. Keep reading afterwards (the pipe must keep draining), but only the
    // first JSON line counts.
    createInterface({ input: child.stdout }).on("line", (text) => {
      if (text.startsWith("{")) resolve(text);
    });
    child.once("exit", (code) =>
      reject(new Error(`bench server exited with ${code} before it was ready:\n${stderr}`)),
    );
  });
  const { url, directUrl, inspector } = JSON.parse(line) as {
    url: string;
    directUrl: string;
    inspector?: string;
  };
  const workerdPid = findInTree(child.pid!, "workerd");
  if (!workerdPid) throw new Error("no workerd process under the bench server");
  return {
    url: directUrl,
    entryUrl: url,
    inspector,
    workerdPid,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
