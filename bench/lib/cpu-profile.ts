// V8's CPU sampler on the Worker's own isolate (DevTools Profiler domain), around some load: where
// its time goes (bench/profile.ts), and how much of it is the isolate's own work, apart from the
// KV and cache simulators that share workerd's process here but are not the Worker's CPU on
// Cloudflare (bench/lib/curve.ts).
import { openDevtools } from "./heap.ts";

export type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
};
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Samples the isolate every `intervalUs` while `during` runs. */
export async function profileDuring<T>(
  inspector: string,
  during: () => Promise<T>,
  { worker, intervalUs = 50 }: { worker?: string; intervalUs?: number } = {},
): Promise<{ profile: CpuProfile; result: T }> {
  const devtools = await openDevtools(inspector, worker);
  try {
    await devtools.call("Profiler.enable");
    await devtools.call("Profiler.setSamplingInterval", { interval: intervalUs });
    await devtools.call("Profiler.start");
    const result = await during();
    const { profile } = (await devtools.call("Profiler.stop")) as { profile: CpuProfile };
    return { profile, result };
  } finally {
    devtools.close();
  }
}

/** Sampled microseconds by profile node (self time). */
export function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  return self;
}

/**
 * The isolate's own sampled time: everything but "(idle)" (it was waiting) and "(program)" (the
 * thread was in workerd outside this isolate's JavaScript: the socket, or the KV and cache
 * simulators' own isolates).
 */
export function ownTimeUs(profile: CpuProfile): number {
  const self = selfTimes(profile);
  let own = 0;
  for (const node of profile.nodes) {
    const name = node.callFrame.functionName;
    if (name !== "(idle)" && name !== "(program)") own += self.get(node.id) ?? 0;
  }
  return own;
}
