// The CONTENT namespace as the editors' tools see it, through `wrangler kv`: local by default,
// remote for production.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wrangler } from "./wrangler.ts";

/**
 * `batchSize` overrides the keys sent per wrangler call (tests use it to interrupt an
 * upload half-way).
 */
export type KvTarget = { remote: boolean; env?: string; persistTo?: string; batchSize?: number };

export type Progress = (done: number, total: number) => void;

export type KvClient = {
  /** Where the keys go, for messages: "local KV (.wrangler/state)" or "remote KV". */
  where: string;
  get(keys: string[], progress?: Progress): Map<string, string | null>;
  put(entries: [string, string][], progress?: Progress): void;
  delete(keys: string[]): void;
  list(prefix: string): string[];
};

const BINDING = "CONTENT";
/**
 * Keys per wrangler call. Cloudflare's bulk read takes 100 keys a request; local calls only pay
 * wrangler's start-up.
 */
const BATCH = { local: { get: 10_000, put: 10_000 }, remote: { get: 100, put: 5_000 } };

export function createKvClient(target: KvTarget): KvClient {
  const flags = [
    "--binding",
    BINDING,
    target.remote ? "--remote" : "--local",
    ...(target.env ? ["--env", target.env] : []),
    ...(target.persistTo && !target.remote ? ["--persist-to", target.persistTo] : []),
  ];
  const defaults = target.remote ? BATCH.remote : BATCH.local;
  const batch = target.batchSize
    ? { get: Math.min(target.batchSize, defaults.get), put: target.batchSize }
    : defaults;
  const run = (command: string[], payload?: unknown) => {
    const args = payload === undefined ? command : [...command, writeTemp(payload)];
    return wrangler(["kv", ...args, ...flags], { quiet: true });
  };
  const environment = target.env ? ` (env ${target.env})` : "";
  return {
    where: target.remote
      ? `remote KV${environment}`
      : `local KV (${target.persistTo ?? ".wrangler/state"})${environment}`,
    get(keys, progress) {
      const values = new Map<string, string | null>();
      inBatches(keys, batch.get, progress, (slice) => {
        const result = parseOutput(run(["bulk", "get"], slice)) as Record<
          string,
          { value: string | null } | string | null
        >;
        for (const key of slice) values.set(key, valueOf(result[key]));
      });
      return values;
    },
    put(entries, progress) {
      inBatches(entries, batch.put, progress, (slice) =>
        run(
          ["bulk", "put"],
          slice.map(([key, value]) => ({ key, value })),
        ),
      );
    },
    delete(keys) {
      inBatches(keys, batch.put, undefined, (slice) => run(["bulk", "delete", "--force"], slice));
    },
    list(prefix) {
      return (parseOutput(run(["key", "list", "--prefix", prefix])) as { name: string }[]).map(
        (k) => k.name,
      );
    },
  };
}

function inBatches<T>(
  items: T[],
  size: number,
  progress: Progress | undefined,
  each: (slice: T[]) => void,
): void {
  for (let start = 0; start < items.length; start += size) {
    each(items.slice(start, start + size));
    progress?.(Math.min(start + size, items.length), items.length);
  }
}

/** Local bulk get answers `{ key: { value } }`; the remote API answers `{ key: value }`. */
function valueOf(entry: { value: string | null } | string | null | undefined): string | null {
  if (entry === undefined || entry === null) return null;
  return typeof entry === "string" ? entry : entry.value;
}

/** wrangler may print a banner before its JSON. */
function parseOutput(stdout: string): unknown {
  const start = stdout.search(/^[[{]/m);
  if (start < 0) throw new Error(`wrangler printed no JSON:\n${stdout}`);
  return JSON.parse(stdout.slice(start));
}

let tempDir: string | undefined;

function writeTemp(payload: unknown): string {
  if (!tempDir) {
    const dir = mkdtempSync(join(tmpdir(), "fvm-kv-"));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    tempDir = dir;
  }
  const file = join(tempDir, "payload.json");
  writeFileSync(file, JSON.stringify(payload));
  return file;
}
