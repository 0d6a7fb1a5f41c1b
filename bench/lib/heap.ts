// The Worker's own memory: its V8 isolate's heap, read over workerd's inspector (Chrome DevTools Protocol).

export type HeapUsage = { usedBytes: number; totalBytes: number };

/** The user Worker's target in workerd's inspector list (Miniflare names it "core:user:<name>"). */
const USER_WORKER = /^core:user:/;

/**
 * The heap the Worker retains: a heap snapshot makes V8 collect everything unreachable first (workerd answers
 * neither `gc()` nor `HeapProfiler.collectGarbage` here), then the heap's use is read. The snapshot is discarded.
 */
export async function retainedHeap(inspector: string): Promise<HeapUsage> {
  const { host } = new URL(inspector);
  const targets = (await (await fetch(`http://${host}/json/list`)).json()) as {
    id: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => USER_WORKER.test(t.id));
  if (!target)
    throw new Error(
      `no user Worker among the inspector's targets: ${targets.map((t) => t.id).join(", ")}`,
    );
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  try {
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve, { once: true });
      socket.addEventListener("error", reject, { once: true });
    });
    const call = devtoolsCaller(socket);
    await call("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    const usage = (await call("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
  } finally {
    socket.close();
  }
}

/** Sends CDP commands and resolves each with its own reply, skipping the events in between (snapshot chunks). */
function devtoolsCaller(socket: WebSocket) {
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  return (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
}
