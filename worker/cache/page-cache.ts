// Rendered pages in the Cache API, consent-neutral, keyed by deploy, content version and path. The only module
// that touches the Cache API; if it fails, pages are rendered as if nothing were cached.
import { HttpError } from "../http/errors.ts";
import { digestTag } from "./etag.ts";
import { lastGoodKey, pageKey } from "./keys.ts";
import { CACHE_CONTROL } from "./policy.ts";

export type PageCacheOptions = {
  origin: string;
  /** The Worker version: see `deployId`. */
  deploy: string;
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
  hit: "page-cache; hit",
  miss: "page-cache; fwd=miss; stored",
  fallback: "page-cache; hit; detail=last-good",
} as const;

export function createPageCache({ origin, deploy, ctx }: PageCacheOptions): PageCache {
  const cache = openCache();

  const match = async (key: string): Promise<Response | undefined> => {
    try {
      return (await cache?.match(key)) ?? undefined;
    } catch (error) {
      logCacheFault("match", key, error);
      return undefined;
    }
  };
  const put = (key: string, response: Response) => {
    try {
      ctx.waitUntil(cache!.put(key, response).catch((error: unknown) => logCacheFault("put", key, error)));
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
    const body = await rendered.text();
    const headers = new Headers(rendered.headers);
    headers.set("ETag", `"${await digestTag(body)}"`);
    if (cache) {
      const copy = () => new Response(body, { status: 200, headers: withHeader(headers, "Cache-Control", CACHE_CONTROL.stored) });
      put(key, copy());
      put(lastGoodKey({ origin, deploy, path }), copy());
    }
    return forVisitor(new Response(body, { status: 200, headers }), STATUS.miss);
  };

  return {
    async serve(path, version, render) {
      let key: string;
      try {
        key = pageKey({ origin, deploy, version: await version(), path });
      } catch (error) {
        return fallback(path, error);
      }
      const hit = await match(key);
      if (hit) return forVisitor(hit, STATUS.hit);
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

/** A stored or fresh page with the headers a visitor gets: their own cache policy and where it came from. */
function forVisitor(page: Response, status: string): Response {
  const headers = withHeader(new Headers(page.headers), "Cache-Control", CACHE_CONTROL.page);
  headers.set("Cache-Status", status);
  return new Response(page.body, { status: page.status, headers });
}

function withHeader(headers: Headers, name: string, value: string): Headers {
  const copy = new Headers(headers);
  copy.set(name, value);
  return copy;
}

function logCacheFault(operation: string, key: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.warn(JSON.stringify({ event: "page_cache_unavailable", operation, key, error: detail }));
}
