// The load generator: autocannon (bench/load-run.ts) on its own core, against 127.0.0.1 only, for a
// bounded time.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { LOAD_CORE } from "./server.ts";
import { cpuSeconds } from "./proc.ts";

const LOAD_RUN = new URL("../load-run.ts", import.meta.url).pathname;

export type LoadOptions = {
  url: string;
  /** Other paths on the same origin to rotate through with `url`'s, one request each in turn. */
  morePaths?: string[];
  seconds: number;
  connections: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Each request from another client address (CF-Connecting-IP): see bench/load-run.ts. */
  rotateClients?: boolean;
  /** The server's pid, to report how busy its core was. */
  serverPid?: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  /** Answers by status class ("2xx" … "5xx") and by exact status. */
  classes: Record<string, number>;
  statuses: Record<string, number>;
  /**
   * Requests with no answer: connection errors and timeouts (autocannon counts timeouts among
   * its errors).
   */
  errors: number;
  timeouts: number;
  /**
   * The one-minute load average just before and just after the run: other work on the machine
   * shows here.
   */
  load: { before: number; after: number };
  /** Share of one core the server used during the run (1 = saturated). */
  serverCpu: number | null;
  /**
   * Server CPU milliseconds per request: workerd's user + system time over the run, divided by
   * the requests.
   */
  cpuPerRequestMs: number | null;
};

type AutocannonJson = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
} & Record<"1xx" | "2xx" | "3xx" | "4xx" | "5xx", number>;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (url.hostname !== "127.0.0.1") throw new Error(`load only 127.0.0.1, not ${options.url}`);
  const run = {
    origin: url.origin,
    paths: [url.pathname + url.search, ...(options.morePaths ?? [])],
    seconds: options.seconds,
    connections: options.connections,
    method: options.method ?? "GET",
    headers: options.headers,
    body: options.body,
    rotateClients: options.rotateClients,
  };
  const loadBefore = loadAverage();
  const cpuBefore = options.serverPid ? cpuSeconds(options.serverPid) : 0;
  const output = await spawnOutput(
    "taskset",
    ["-c", LOAD_CORE, process.execPath, LOAD_RUN],
    JSON.stringify(run),
  );
  const cpuAfter = options.serverPid ? cpuSeconds(options.serverPid) : 0;
  const json = JSON.parse(output) as AutocannonJson;
  const classes = Object.fromEntries(
    (["1xx", "2xx", "3xx", "4xx", "5xx"] as const).map((c) => [c, json[c] ?? 0]),
  );
  return {
    requestsPerSecond: Math.round(json.requests.average),
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    requests: json.requests.total,
    non2xx: json.non2xx,
    classes,
    statuses: Object.fromEntries(
      Object.entries(json.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]),
    ),
    errors: json.errors,
    timeouts: json.timeouts ?? 0,
    load: { before: loadBefore, after: loadAverage() },
    serverCpu: options.serverPid ? round((cpuAfter - cpuBefore) / json.duration, 2) : null,
    cpuPerRequestMs:
      options.serverPid && json.requests.total
        ? round(((cpuAfter - cpuBefore) * 1000) / json.requests.total, 3)
        : null,
  };
}

function loadAverage(): number {
  return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}

function spawnOutput(command: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.end(input);
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk));
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} failed (${code}): ${err}`)),
    );
  });
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
