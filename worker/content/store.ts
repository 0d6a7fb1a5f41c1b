// The only module that reads content from KV: the pointer names the live version, then immutable
// keys. Faults degrade in order: the live version, the last version this isolate served, the
// previous one, then a 503.
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
  type Pointer,
  type ProjectView,
  type SiteView,
  type SitemapView,
} from "../../content/views.ts";
import { unavailable } from "../http/errors.ts";
import { type HeldContent, type HeldPointer, createHeldContent } from "./held.ts";

/**
 * How often an isolate re-reads the pointer by default: a publish is seen within this (plus KV's
 * own edge cache).
 */
export const POINTER_TTL_SECONDS = 5;

/** The pointer may move on publish; immutable version keys can be cached at the edge for long. */
const POINTER_CACHE_TTL = 60;
const VERSION_CACHE_TTL = 86_400;
/**
 * A KV read that has not answered by then counts as failed: visitors get the fallbacks, not a
 * hung request.
 */
export const KV_READ_TIMEOUT_MS = 3_000;

/**
 * What this isolate has read and checked, shared by its requests; version keys never change, so it
 * never goes stale.
 */
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
  /**
   * The same values without waiting, when no read is needed (the pointer fresh, the live version's
   * value held); else undefined.
   */
  heldSite(locale: Locale): SiteView | undefined;
  heldConsent(locale: Locale): ConsentView | undefined;
};

type KeyOf = (version: string) => string;
type Guard<T> = (value: unknown) => value is T;

/**
 * A per-request reader. The first required key a request reads (a site view, the consent texts, the
 * sitemap) chooses the version: the first candidate that has it intact. Every later read comes from
 * that version, so nothing is ever mixed.
 */
export function createContentStore(
  kv: KVNamespace,
  options: ContentStoreOptions = {},
): ContentStore {
  const { held = ISOLATE_HELD, pointerTtlSeconds = POINTER_TTL_SECONDS, now = Date.now } = options;
  const ttlMs = pointerTtlSeconds * 1000;
  let candidates: readonly string[] | Promise<readonly string[]> | undefined;
  let chosen: string | undefined;
  const versions = () =>
    (candidates ??= heldCandidates(held, ttlMs, now) ?? readCandidates(kv, held, ttlMs, now));

  /**
   * The value of a required key without waiting, when the pointer is fresh and the live version's
   * value held.
   */
  const peek = <T>(key: KeyOf): T | undefined => {
    const list =
      candidates === undefined
        ? heldCandidates(held, ttlMs, now)
        : candidates instanceof Promise
          ? undefined
          : candidates;
    const live = list?.[0];
    if (live === undefined || (chosen !== undefined && chosen !== live)) return undefined;
    const value = held.get(key(live));
    if (value === undefined) return undefined;
    candidates ??= list;
    chosen = held.lastGood = live;
    return value as T;
  };
  const required = async <T>(key: KeyOf, isValid: Guard<T>): Promise<T> => {
    // The usual request: the live version's value is held already, so there is nothing to read
    // or choose.
    const kept = peek<T>(key);
    if (kept !== undefined) return kept;
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
    home: (locale, page, filter) =>
      optional((v) => kvKeys.home(v, locale, page, filter), isListView),
    achieved: (locale, page) => optional((v) => kvKeys.achieved(v, locale, page), isListView),
    project: (locale, slug) => optional((v) => kvKeys.project(v, locale, slug), isProjectView),
    sitemap: () => required((v) => kvKeys.sitemap(v), isSitemapView),
    feed: (locale) => optional((v) => kvKeys.feed(v, locale), isFeedView),
    asset: (file) =>
      optional(
        (v) => kvKeys.asset(v, file),
        (value): value is string => typeof value === "string",
      ),
    consent: (locale) => required((v) => kvKeys.consent(v, locale), isConsentView),
    heldSite: (locale) => peek((v) => kvKeys.site(v, locale)),
    heldConsent: (locale) => peek((v) => kvKeys.consent(v, locale)),
  };
}

/** POINTER_TTL_SECONDS (a var; tests set 0 to see every publish at once), else the default. */
export function readPointerTtl(env: Env): number {
  const value = (env as { POINTER_TTL_SECONDS?: string }).POINTER_TTL_SECONDS ?? "";
  if (readTtl?.value !== value) readTtl = { value, seconds: parseTtl(value) };
  return readTtl.seconds;
}

/** The last POINTER_TTL_SECONDS read, as the bindings rarely change within an isolate. */
let readTtl: { value: string; seconds: number } | undefined;

function parseTtl(value: string): number {
  const seconds = Number(value);
  return value !== "" && Number.isFinite(seconds) && seconds >= 0 ? seconds : POINTER_TTL_SECONDS;
}

export type ContentStoreOptions = {
  /** What the isolate holds (tests pass their own). */
  held?: HeldContent;
  /** How long a pointer read serves this isolate's requests before one of them reads it again. */
  pointerTtlSeconds?: number;
  now?: () => number;
};

/**
 * The pointer, re-read at most every `ttlMs` per isolate and parsed once per read. Requests share
 * the value a read resolved to, never the read: the request that finds it stale reads KV itself,
 * and while it does, the others keep the last value (for as long as a read may take). A failed read
 * leaves the last value stale, so the next request tries again.
 */
async function readPointer(
  kv: KVNamespace,
  held: HeldContent,
  ttlMs: number,
  now: () => number,
): Promise<HeldPointer> {
  const kept = held.pointer;
  const at = now();
  if (kept && at - kept.readAt < ttlMs) return kept;
  if (
    kept &&
    ttlMs > 0 &&
    kept.refreshingSince !== undefined &&
    at - kept.refreshingSince < KV_READ_TIMEOUT_MS
  )
    return kept;
  if (kept) kept.refreshingSince = at;
  try {
    const text = await withTimeout(
      kv.get(POINTER_KEY, { type: "text", cacheTtl: POINTER_CACHE_TTL }),
      POINTER_KEY,
    );
    held.pointer = { pointer: parsePointer(text), readAt: now() };
    return held.pointer;
  } catch (error) {
    if (kept) kept.refreshingSince = undefined;
    throw error;
  }
}

/**
 * Versions to try, best first: live, the last one this isolate served, the one live before.
 * Never empty.
 */
async function readCandidates(
  kv: KVNamespace,
  held: HeldContent,
  ttlMs: number,
  now: () => number,
): Promise<string[]> {
  let pointer = null;
  try {
    pointer = (await readPointer(kv, held, ttlMs, now)).pointer;
    if (!pointer) logFault("pointer_invalid", POINTER_KEY);
  } catch (error) {
    logFault("pointer_unreadable", POINTER_KEY, error);
  }
  return listCandidates(pointer, held.lastGood);
}

/**
 * The candidates without waiting, when the held pointer is fresh and valid (most requests);
 * else undefined.
 */
function heldCandidates(
  held: HeldContent,
  ttlMs: number,
  now: () => number,
): readonly string[] | undefined {
  const kept = held.pointer;
  if (!kept?.pointer || now() - kept.readAt >= ttlMs) return undefined;
  const listed = kept.candidates;
  if (listed && listed.lastGood === held.lastGood) return listed.list;
  const list = Object.freeze(listCandidates(kept.pointer, held.lastGood));
  kept.candidates = { lastGood: held.lastGood, list };
  return list;
}

function listCandidates(pointer: Pointer | null, lastGood: string | undefined): string[] {
  const list = [pointer?.version, lastGood, pointer?.previous].filter(
    (v): v is string => typeof v === "string",
  );
  if (list.length === 0) throw unavailable(new Error("no live content version and none held"));
  return [...new Set(list)];
}

async function chooseVersion<T>(
  kv: KVNamespace,
  held: HeldContent,
  candidates: readonly string[],
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

async function readRequired<T>(
  kv: KVNamespace,
  held: HeldContent,
  key: string,
  isValid: Guard<T>,
): Promise<T> {
  const value = await readEntry(kv, held, key, isValid);
  if (value === null) throw unavailable(new Error(`missing key ${key}`));
  return value;
}

/**
 * An intact value, null when the key is absent, a 503 when it is corrupt or KV fails and nothing
 * is held.
 */
async function readEntry<T>(
  kv: KVNamespace,
  held: HeldContent,
  key: string,
  isValid: Guard<T>,
): Promise<T | null> {
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
    timer = setTimeout(
      () => reject(new Error(`KV read of ${key} took over ${KV_READ_TIMEOUT_MS} ms`)),
      KV_READ_TIMEOUT_MS,
    );
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

function logFault(event: string, key: string, error?: unknown): void {
  const detail =
    error instanceof Error ? error.message : error === undefined ? undefined : String(error);
  console.warn(JSON.stringify({ event: `content_${event}`, key, error: detail }));
}
