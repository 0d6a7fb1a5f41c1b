// The Worker's own isolate over workerd's inspector (Chrome DevTools Protocol): its heap, and the
// session bench/profile.ts samples its CPU through.

export type HeapUsage = { usedBytes: number; totalBytes: number };

/** The user Worker's target in workerd's inspector list (Miniflare names it "core:user:<name>"). */
const USER_WORKER = /^core:user:/;

/**
 * The heap the Worker retains: a heap snapshot makes V8 collect everything unreachable first
 * (workerd answers neither `gc()` nor `HeapProfiler.collectGarbage` here), then the heap's use is
 * read. The snapshot is discarded.
 */
export async function retainedHeap(inspector: string): Promise<HeapUsage> {
  const devtools = await openDevtools(inspector);
  try {
    await devtools.call("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    const usage = (await devtools.call("Runtime.getHeapUsage")) as {
      usedSize: number;
      totalSize: number;
    };
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
  } finally {
    devtools.close();
  }
}

export type Devtools = {
  call: (method: string, params?: object) => Promise<unknown>;
  close: () => void;
};

/**
 * A DevTools Protocol session with the user Worker's isolate (the first "core:user:" target, or
 * the one named): each command resolves with its own reply, the events in between (snapshot
 * chunks) skipped.
 */
export async function openDevtools(inspector: string, worker?: string): Promise<Devtools> {
  const { host } = new URL(inspector);
  const targets = (await (await fetch(`http://${host}/json/list`)).json()) as {
    id: string;
    webSocketDebuggerUrl: string;
  }[];
  const target =
    targets.find((t) => worker !== undefined && t.id === `core:user:${worker}`) ??
    targets.find((t) => USER_WORKER.test(t.id));
  if (!target)
    throw new Error(
      `no user Worker among the inspector's targets: ${targets.map((t) => t.id).join(", ")}`,
    );
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { call, close: () => socket.close() };
}
