// The load generator: autocannon on its own core, against 127.0.0.1 only, for a bounded time.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { LOAD_CORE } from "./server.ts";
import { cpuSeconds } from "./proc.ts";

const AUTOCANNON = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

export type LoadOptions = {
  url: string;
  seconds: number;
  connections: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** The server's pid, to report how busy its core was. */
  serverPid?: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Share of one core the server used during the run (1 = saturated). */
  serverCpu: number | null;
  /** Server CPU milliseconds per request: workerd's user + system time over the run, divided by the requests. */
  cpuPerRequestMs: number | null;
};

type AutocannonJson = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  duration: number;
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url)) throw new Error(`load only 127.0.0.1, not ${options.url}`);
  const args = ["-c", String(options.connections), "-d", String(options.seconds), "-j", "-m", options.method ?? "GET"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}=${value}`);
  if (options.body !== undefined) args.push("-b", options.body);
  const cpuBefore = options.serverPid ? cpuSeconds(options.serverPid) : 0;
  const output = await run("taskset", ["-c", LOAD_CORE, process.execPath, AUTOCANNON, ...args, options.url]);
  const cpuAfter = options.serverPid ? cpuSeconds(options.serverPid) : 0;
  const json = JSON.parse(output) as AutocannonJson;
  return {
    requestsPerSecond: Math.round(json.requests.average),
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    requests: json.requests.total,
    non2xx: json.non2xx,
    errors: json.errors,
    serverCpu: options.serverPid ? round((cpuAfter - cpuBefore) / json.duration, 2) : null,
    cpuPerRequestMs: options.serverPid && json.requests.total ? round(((cpuAfter - cpuBefore) * 1000) / json.requests.total, 3) : null,
  };
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk));
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} failed (${code}): ${err}`))));
  });
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
