// The only module that reads content from KV: the pointer names the live version, then immutable keys.
// Faults degrade in order: the live version, the last version this isolate served, the previous one, then a 503.
import { type ConsentView, isConsentView } from "../../content/consent-view.ts";
import type { Locale } from "../../content/schema.ts";
import {
  POINTER_KEY,
  isFeedView,
  isListView,
  isProjectView,
  isSiteView,
  isSitemapView,
  kvKeys,
  parseJson,
  parsePointer,
  type FeedView,
  type ListView,
  type ProjectView,
  type SiteView,
  type SitemapView,
} from "../../content/views.ts";
import { unavailable } from "../http/errors.ts";
import { type HeldContent, createHeldContent } from "./held.ts";

/** The pointer may move on publish; immutable version keys can be cached at the edge for long. */
const POINTER_CACHE_TTL = 60;
const VERSION_CACHE_TTL = 86_400;
/** A KV read that has not answered by then counts as failed: visitors get the fallbacks, not a hung request. */
export const KV_READ_TIMEOUT_MS = 3_000;

/** What this isolate has read and checked, shared by its requests; version keys never change, so it never goes stale. */
const ISOLATE_HELD = createHeldContent();

export type ContentStore = {
  site(locale: Locale): Promise<SiteView>;
  /** `filter`: a filterKey (views.ts) for a filtered listing. */
  home(locale: Locale, page: number, filter?: string): Promise<ListView | null>;
  achieved(locale: Locale, page: number): Promise<ListView | null>;
  project(locale: Locale, slug: string): Promise<ProjectView | null>;
  sitemap(): Promise<SitemapView>;
  feed(locale: Locale): Promise<FeedView | null>;
  /** A binary asset of the version (base64), or null. */
  asset(file: string): Promise<string | null>;
  consent(locale: Locale): Promise<ConsentView>;
};

type KeyOf = (version: string) => string;
type Guard<T> = (value: unknown) => value is T;

/**
 * A per-request reader. The first required key a request reads (a site view, the consent texts, the sitemap)
 * chooses the version: the first candidate that has it intact. Every later read comes from that version, so
 * nothing is ever mixed.
 */
export function createContentStore(kv: KVNamespace, held: HeldContent = ISOLATE_HELD, keepAlive?: KeepAlive): ContentStore {
  let candidates: Promise<string[]> | undefined;
  let chosen: string | undefined;
  const versions = () => (candidates ??= readCandidates(kv, held, keepAlive));

  const required = async <T>(key: KeyOf, isValid: Guard<T>): Promise<T> => {
    if (chosen === undefined) {
      const { version, value } = await chooseVersion(kv, held, await versions(), key, isValid);
      chosen ??= version;
      if (chosen === version) return value;
    }
    return readRequired(kv, held, key(chosen), isValid);
  };
  const optional = async <T>(key: KeyOf, isValid: Guard<T>): Promise<T | null> => {
    chosen ??= (await versions())[0]!;
    return readEntry(kv, held, key(chosen), isValid);
  };

  return {
    site: (locale) => required((v) => kvKeys.site(v, locale), isSiteView),
    home: (locale, page, filter) => optional((v) => kvKeys.home(v, locale, page, filter), isListView),
    achieved: (locale, page) => optional((v) => kvKeys.achieved(v, locale, page), isListView),
    project: (locale, slug) => optional((v) => kvKeys.project(v, locale, slug), isProjectView),
    sitemap: () => required((v) => kvKeys.sitemap(v), isSitemapView),
    feed: (locale) => optional((v) => kvKeys.feed(v, locale), isFeedView),
    asset: (file) => optional((v) => kvKeys.asset(v, file), (value): value is string => typeof value === "string"),
    consent: (locale) => required((v) => kvKeys.consent(v, locale), isConsentView),
  };
}

/** Keeps the request alive until a promise settles (the request's `ctx.waitUntil`). */
export type KeepAlive = (promise: Promise<unknown>) => void;

const POINTER_READS = new WeakMap<KVNamespace, Promise<string | null>>();

/**
 * Concurrent requests of an isolate share one read of the pointer: as fresh as a read of their own (it was in
 * flight when they arrived), and a fraction of the reads under load. The request that starts a read keeps itself
 * alive until it settles, so a client hanging up never cancels it under the others.
 */
function readPointerText(kv: KVNamespace, keepAlive?: KeepAlive): Promise<string | null> {
  const pending = POINTER_READS.get(kv);
  if (pending) return pending;
  // The timeout is on the shared read itself, so a hung read leaves the map and the next request reads again.
  const read = withTimeout(kv.get(POINTER_KEY, { type: "text", cacheTtl: POINTER_CACHE_TTL }), POINTER_KEY).finally(() => {
    if (POINTER_READS.get(kv) === read) POINTER_READS.delete(kv);
  });
  POINTER_READS.set(kv, read);
  keepAlive?.(read.catch(() => undefined));
  return read;
}

/** Versions to try, best first: live, the last one this isolate served, the one live before. Never empty. */
async function readCandidates(kv: KVNamespace, held: HeldContent, keepAlive?: KeepAlive): Promise<string[]> {
  let pointer = null;
  try {
    pointer = parsePointer(await readPointerText(kv, keepAlive));
    if (!pointer) logFault("pointer_invalid", POINTER_KEY);
  } catch (error) {
    logFault("pointer_unreadable", POINTER_KEY, error);
  }
  const list = [pointer?.version, held.lastGood, pointer?.previous].filter((v): v is string => typeof v === "string");
  if (list.length === 0) throw unavailable(new Error("no live content version and none held"));
  return [...new Set(list)];
}

async function chooseVersion<T>(
  kv: KVNamespace,
  held: HeldContent,
  candidates: string[],
  key: KeyOf,
  isValid: Guard<T>,
): Promise<{ version: string; value: T }> {
  let cause: unknown = new Error("no candidate version");
  for (const version of candidates) {
    try {
      const value = await readRequired(kv, held, key(version), isValid);
      held.lastGood = version;
      return { version, value };
    } catch (error) {
      cause = error;
      logFault("version_unusable", key(version), error);
    }
  }
  throw unavailable(cause);
}

async function readRequired<T>(kv: KVNamespace, held: HeldContent, key: string, isValid: Guard<T>): Promise<T> {
  const value = await readEntry(kv, held, key, isValid);
  if (value === null) throw unavailable(new Error(`missing key ${key}`));
  return value;
}

/** An intact value, null when the key is absent, a 503 when it is corrupt or KV fails and nothing is held. */
async function readEntry<T>(kv: KVNamespace, held: HeldContent, key: string, isValid: Guard<T>): Promise<T | null> {
  const kept = held.get(key);
  if (kept !== undefined) return kept as T;
  let text: string | null;
  try {
    text = await withTimeout(kv.get(key, { type: "text", cacheTtl: VERSION_CACHE_TTL }), key);
  } catch (error) {
    throw unavailable(error);
  }
  if (text === null) return null;
  const value = parseJson(text);
  if (!isValid(value)) throw unavailable(new Error(`corrupt value at ${key}`));
  held.set(key, value);
  return value;
}

function withTimeout<T>(read: Promise<T>, key: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`KV read of ${key} took over ${KV_READ_TIMEOUT_MS} ms`)), KV_READ_TIMEOUT_MS);
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

function logFault(event: string, key: string, error?: unknown): void {
  const detail = error instanceof Error ? error.message : error === undefined ? undefined : String(error);
  console.warn(JSON.stringify({ event: `content_${event}`, key, error: detail }));
}
