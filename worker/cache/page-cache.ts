// Rendered pages, consent-neutral, keyed by deploy, content version and path: in this isolate's memory, then in
// the Cache API (shared by the isolates of a colo). The only module that touches the Cache API; if it fails,
// pages are rendered as if nothing were cached.
import { HttpError } from "../http/errors.ts";
import { digestTag } from "./etag.ts";
import { lastGoodKey, pageKey } from "./keys.ts";
import { type PageMemory, type StoredPage, createPageMemory } from "./memory.ts";
import { CACHE_CONTROL } from "./policy.ts";

export type PageCacheOptions = {
  /** The request's origin: keys live under it, as the Cache API expects. */
  origin: string;
  /** The deploy id (see `deployId`), and PAGE_CACHE: "off" renders every page (for debugging and the benchmark). */
  env: Env;
  ctx: ExecutionContext;
};

export type PageCache = {
  /**
   * The page at `path` from the cache, else rendered now and stored for the next visitor of that version.
   * When KV fails (a 503 from `version` or `render`), the newest render of the path is served instead, if any.
   */
  serve(path: string, version: () => Promise<string>, render: () => Promise<Response | undefined>): Promise<Response | undefined>;
};

/** RFC 9211 Cache-Status values: observable in tests and by operators, and they say nothing about the visitor. */
const STATUS = {
  memory: "page-cache; hit; detail=memory",
  hit: "page-cache; hit",
  miss: "page-cache; fwd=miss; stored",
  fallback: "page-cache; hit; detail=last-good",
  off: "page-cache; fwd=bypass",
} as const;

/** This isolate's copies of the pages it served last. */
const ISOLATE_MEMORY = createPageMemory();

export function createPageCache({ origin, env, ctx }: PageCacheOptions, isolateMemory: PageMemory = ISOLATE_MEMORY): PageCache {
  const deploy = deployId(env);
  const enabled = (env as { PAGE_CACHE?: string }).PAGE_CACHE !== "off";
  const cache = enabled ? openCache() : undefined;
  const memory = enabled ? isolateMemory : undefined;

  const match = async (key: string): Promise<StoredPage | undefined> => {
    try {
      const response = await cache?.match(key);
      return response && { body: new Uint8Array(await response.arrayBuffer()), headers: new Headers(response.headers) };
    } catch (error) {
      logCacheFault("match", key, error);
      return undefined;
    }
  };
  const put = (key: string, page: StoredPage) => {
    try {
      const headers = new Headers(page.headers);
      headers.set("Cache-Control", CACHE_CONTROL.stored);
      const stored = cache!.put(key, new Response(page.body, { status: 200, headers }));
      ctx.waitUntil(stored.catch((error: unknown) => logCacheFault("put", key, error)));
    } catch (error) {
      logCacheFault("put", key, error);
    }
  };

  const fallback = async (path: string, error: unknown): Promise<Response> => {
    if (!(error instanceof HttpError && error.status === 503)) throw error;
    const kept = await match(lastGoodKey({ origin, deploy, path }));
    if (!kept) throw error;
    console.warn(JSON.stringify({ event: "page_cache_last_good", path }));
    return forVisitor(kept, STATUS.fallback);
  };

  const store = async (key: string, path: string, rendered: Response): Promise<Response> => {
    // A cookie in a shared copy would hand one visitor's state to the next: such a page is served, never kept.
    if (rendered.headers.has("Set-Cookie")) {
      console.error(JSON.stringify({ event: "page_cache_refused_cookie", path }));
      return rendered;
    }
    const body = new Uint8Array(await rendered.arrayBuffer());
    const headers = new Headers(rendered.headers);
    headers.set("ETag", `"${await digestTag(body)}"`);
    const page: StoredPage = { body, headers };
    if (!memory) return forVisitor(page, STATUS.off);
    memory.set(key, page);
    if (cache) {
      put(key, page);
      put(lastGoodKey({ origin, deploy, path }), page);
    }
    return forVisitor(page, STATUS.miss);
  };

  return {
    async serve(path, version, render) {
      let key: string;
      try {
        key = pageKey({ origin, deploy, version: await version(), path });
      } catch (error) {
        return fallback(path, error);
      }
      const remembered = memory?.get(key);
      if (remembered) return forVisitor(remembered, STATUS.memory);
      const hit = await match(key);
      if (hit) {
        memory?.set(key, hit);
        return forVisitor(hit, STATUS.hit);
      }
      let rendered: Response | undefined;
      try {
        rendered = await render();
      } catch (error) {
        return fallback(path, error);
      }
      return rendered?.status === 200 ? store(key, path, rendered) : rendered;
    },
  };
}

/** Without the version metadata binding, each isolate keeps renders of its own: fewer hits, never stale code. */
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

/** A stored page with the headers a visitor gets: their own cache policy and where it came from. */
function forVisitor(page: StoredPage, status: string): Response {
  const headers = new Headers(page.headers);
  headers.set("Cache-Control", CACHE_CONTROL.page);
  headers.set("Cache-Status", status);
  return new Response(page.body, { status: 200, headers });
}

function logCacheFault(operation: string, key: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.warn(JSON.stringify({ event: "page_cache_unavailable", operation, key, error: detail }));
}
