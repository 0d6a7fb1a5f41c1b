// Finished pages, one per consent state, keyed by deploy, content version, consent policy,
// state and path: in this isolate's memory, then in the Cache API (shared by the isolates of a
// colo). The only module that touches the Cache API; if it fails, pages are rendered as if
// nothing were cached.
import { lastGoodKey, pageKey, type PageKeyParts } from "./keys.ts";
import { type PageMemory, type StoredPage, createPageMemory } from "./memory.ts";
import { CACHE_CONTROL } from "./cache-control.ts";

export type PageCacheOptions = {
  /** The request's origin: keys live under it, as the Cache API expects. */
  origin: string;
  /**
   * The deploy id (see `deployId`), and PAGE_CACHE: "off" renders every page (for debugging and
   * the benchmark).
   */
  env: Env;
  ctx: ExecutionContext;
};

/**
 * Where a page came from, as RFC 9211 Cache-Status says it: observable by tests and operators,
 * nothing personal.
 */
export const CACHE_STATUS = {
  memory: "page-cache; hit; detail=memory",
  hit: "page-cache; hit",
  miss: "page-cache; fwd=miss; stored",
  fallback: "page-cache; hit; detail=last-good",
  off: "page-cache; fwd=bypass",
  personal: "page-cache; fwd=bypass; detail=personal",
} as const;
export type CacheStatus = (typeof CACHE_STATUS)[keyof typeof CACHE_STATUS];

export type PageKey = Omit<PageKeyParts, "origin" | "deploy">;

export type PageCache = {
  /** Whether pages are cached at all (PAGE_CACHE is not "off"). */
  enabled: boolean;
  /** The stored page and the tier it came from, or undefined. */
  find(key: PageKey): Promise<{ page: StoredPage; status: CacheStatus } | undefined>;
  /**
   * The page when this isolate's memory holds it, without waiting; else undefined (find may still
   * have it).
   */
  remembered(key: PageKey): StoredPage | undefined;
  /**
   * Keeps a page for the next visitor in the same state, and as the path's last good render in
   * that state.
   */
  keep(key: PageKey, page: StoredPage): void;
  /**
   * The newest render of a path in a state, whatever its version: served when KV cannot name one.
   */
  findLastGood(key: Pick<PageKey, "state" | "path">): Promise<StoredPage | undefined>;
};

/** Header carrying a stored page's nonce offsets in the Cache API copy. */
const NONCE_OFFSETS = "X-Page-Nonce-Offsets";

/** This isolate's copies of the pages it served last. */
const ISOLATE_MEMORY = createPageMemory();

export function createPageCache(
  { origin, env, ctx }: PageCacheOptions,
  memory: PageMemory = ISOLATE_MEMORY,
): PageCache {
  const deploy = deployId(env);
  const enabled = pageCacheEnabled(env);
  // Opened on the first miss: a hit in memory never touches the Cache API.
  let opened: { cache: Cache | undefined } | undefined;
  const shared = () => (opened ??= { cache: enabled ? openCache() : undefined }).cache;
  const keyOf = (key: PageKey) => pageKey({ origin, deploy, ...key });

  const match = async (url: string): Promise<StoredPage | undefined> => {
    try {
      const response = await shared()?.match(url);
      return response ? await readStored(response) : undefined;
    } catch (error) {
      logCacheFault("match", url, error);
      return undefined;
    }
  };
  const put = (url: string, page: StoredPage) => {
    try {
      const stored = shared()!.put(url, writeStored(page));
      ctx.waitUntil(stored.catch((error: unknown) => logCacheFault("put", url, error)));
    } catch (error) {
      logCacheFault("put", url, error);
    }
  };

  return {
    enabled,
    async find(key) {
      if (!enabled) return undefined;
      const url = keyOf(key);
      const remembered = memory.get(url);
      if (remembered) return { page: remembered, status: CACHE_STATUS.memory };
      const hit = await match(url);
      if (!hit) return undefined;
      memory.set(url, hit);
      return { page: hit, status: CACHE_STATUS.hit };
    },
    remembered: (key) => (enabled ? memory.get(keyOf(key)) : undefined),
    keep(key, page) {
      if (!enabled) return;
      const url = keyOf(key);
      memory.set(url, page);
      if (shared()) {
        put(url, page);
        put(lastGoodKey({ origin, deploy, state: key.state, path: key.path }), page);
      }
    },
    findLastGood: ({ state, path }) => match(lastGoodKey({ origin, deploy, state, path })),
  };
}

/**
 * The Cache API copy of a page: its bytes, headers, tag and nonce offsets; public, since it holds
 * nothing personal.
 */
function writeStored(page: StoredPage): Response {
  const headers = new Headers(page.headers);
  headers.set("ETag", page.etag);
  headers.set(NONCE_OFFSETS, page.nonceAt.join(","));
  headers.set("Cache-Control", CACHE_CONTROL.stored);
  return new Response(page.body, { status: 200, headers });
}

async function readStored(response: Response): Promise<StoredPage | undefined> {
  const etag = response.headers.get("ETag");
  const offsets = response.headers.get(NONCE_OFFSETS);
  if (!etag || offsets === null || !/^(\d+(,\d+)*)?$/.test(offsets)) {
    await response.body?.cancel();
    return undefined;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== "etag" && name !== NONCE_OFFSETS.toLowerCase() && name !== "cache-control")
      headers[name] = value;
  });
  const body = new Uint8Array(await response.arrayBuffer());
  return { body, headers, etag, nonceAt: offsets ? offsets.split(",").map(Number) : [] };
}

/** PAGE_CACHE = "off" renders every page (for debugging and the benchmark). */
export function pageCacheEnabled(env: Env): boolean {
  return (env as { PAGE_CACHE?: string }).PAGE_CACHE !== "off";
}

/**
 * Without the version metadata binding, each isolate keeps renders of its own: fewer hits, never
 * stale code.
 */
let isolateDeploy: string | undefined;

/** The deployed Worker version, so a deploy never serves renders of the previous code. */
export function deployId(env: Env): string {
  // Random values cannot be drawn at global scope in workerd, hence the lazy id.
  return env.CF_VERSION_METADATA?.id || (isolateDeploy ??= `isolate-${crypto.randomUUID()}`);
}

function openCache(): Cache | undefined {
  try {
    // Preact's JSX types pull in lib.dom, whose CacheStorage has no `default`; workerd's has.
    return (caches as unknown as { default: Cache }).default;
  } catch (error) {
    logCacheFault("open", "", error);
    return undefined;
  }
}

function logCacheFault(operation: string, key: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.warn(JSON.stringify({ event: "page_cache_unavailable", operation, key, error: detail }));
}
