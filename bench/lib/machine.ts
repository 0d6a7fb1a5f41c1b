// The machine a benchmark ran on, as the results table names it.
import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";

export type Machine = {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  load: number[];
};

export function describeMachine(): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const loadavg = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
  return {
    nproc: availableParallelism(),
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    load: loadavg,
  };
}
