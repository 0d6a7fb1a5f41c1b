// Sustained GET load over keep-alive connections, every answer counted by status and every failure
// kept: the instrument of the page regression test (a visitor never gets a 5xx, however many
// requests share an isolate).
import { Agent, request } from "node:http";

export type KeepAliveLoad = {
  origin: string;
  paths: readonly string[];
  connections: number;
  seconds: number;
  /**
   * A request not answered by then counts as an error (a hung request is a failure a
   * visitor notices).
   */
  timeoutMs?: number;
  /**
   * Besides the lanes, visitors who leave: every `everyMs`, a request on a new connection closed
   * 0–4 ms after it is sent.
   */
  leaving?: { everyMs: number };
};

export type LoadTally = {
  requests: number;
  /** Answers by HTTP status. */
  statuses: Record<number, number>;
  /** Requests that got no answer: connection refused or reset, timeout. */
  errors: number;
  /** Up to a few bodies of non-2xx answers and messages of errors, for the failure report. */
  samples: string[];
  /** Distinct sockets used: equal to `connections` when keep-alive held. */
  sockets: number;
  /** Requests of leaving visitors, not counted in `requests`. */
  left: number;
};

const SAMPLES = 5;

/**
 * `connections` lanes, each on its own kept-alive socket, rotating through `paths` until the time
 * is up.
 */
export async function loadKeepAlive(options: KeepAliveLoad): Promise<LoadTally> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const tally: LoadTally = {
    requests: 0,
    statuses: {},
    errors: 0,
    samples: [],
    sockets: 0,
    left: 0,
  };
  const sockets = new Set<unknown>();
  const deadline = Date.now() + options.seconds * 1000;
  let next = 0;
  const lane = async () => {
    while (Date.now() < deadline) {
      const path = options.paths[next++ % options.paths.length]!;
      try {
        const { status, body, socket } = await get(
          agent,
          options.origin + path,
          options.timeoutMs ?? 10_000,
        );
        sockets.add(socket);
        tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
        if ((status < 200 || status > 299) && tally.samples.length < SAMPLES)
          tally.samples.push(`${status} ${path}: ${body.slice(0, 300)}`);
      } catch (error) {
        tally.errors++;
        if (tally.samples.length < SAMPLES)
          tally.samples.push(
            `error ${path}: ${error instanceof Error ? error.message : String(error)}`,
          );
      }
      tally.requests++;
    }
  };
  const leaving = async (everyMs: number) => {
    while (Date.now() < deadline) {
      const req = request(options.origin + options.paths[tally.left % options.paths.length]!, {
        agent: false,
      });
      req.on("error", () => undefined);
      req.end();
      setTimeout(() => req.destroy(), Math.random() * 4);
      tally.left++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  try {
    await Promise.all([
      ...Array.from({ length: options.connections }, lane),
      options.leaving ? leaving(options.leaving.everyMs) : undefined,
    ]);
  } finally {
    agent.destroy();
  }
  tally.sockets = sockets.size;
  return tally;
}

/** Answers outside 2xx, and errors, in all. */
export function countFailures(tally: LoadTally): number {
  return (
    tally.errors +
    Object.entries(tally.statuses).reduce(
      (sum, [status, n]) => (Number(status) >= 200 && Number(status) <= 299 ? sum : sum + n),
      0,
    )
  );
}

function get(
  agent: Agent,
  url: string,
  timeoutMs: number,
): Promise<{ status: number; body: string; socket: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: "GET" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          socket: req.socket,
        }),
      );
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}
