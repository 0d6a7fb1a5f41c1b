// What /proc says about a process tree: its members, resident memory and CPU time. Linux only, as
// the benchmark.
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** The process and all of its descendants. */
export function processTree(pid: number): number[] {
  const children = readOr(`/proc/${pid}/task/${pid}/children`, "")
    .split(" ")
    .filter(Boolean)
    .map(Number);
  return [pid, ...children.flatMap(processTree)];
}

/** The first process in the tree whose command name is `name` (e.g. "workerd"). */
export function findInTree(pid: number, name: string): number | undefined {
  return processTree(pid).find((p) => readOr(`/proc/${p}/comm`, "").trim() === name);
}

/** Resident set size in bytes. */
export function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readOr(`/proc/${pid}/status`, ""))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = readOr(`/proc/${pid}/stat`, "")
    .replace(/^.*\) /, "")
    .split(" ");
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_SECOND;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return fallback;
  }
}
