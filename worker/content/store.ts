// The only module that reads content from KV: the pointer names the live version, then immutable keys.
import type { Locale } from "../../content/schema.ts";
import {
  POINTER_KEY,
  kvKeys,
  type ListView,
  type Pointer,
  type ProjectView,
  type SiteView,
  type SitemapView,
} from "../../content/views.ts";
import { unavailable } from "../http/errors.ts";

/** The pointer may move on publish; immutable version keys can be cached at the edge for long. */
const POINTER_CACHE_TTL = 60;
const VERSION_CACHE_TTL = 86_400;

export type ContentStore = {
  site(locale: Locale): Promise<SiteView>;
  home(locale: Locale, page: number): Promise<ListView | null>;
  achieved(locale: Locale, page: number): Promise<ListView | null>;
  project(locale: Locale, slug: string): Promise<ProjectView | null>;
  sitemap(): Promise<SitemapView>;
};

/** A per-request reader: the pointer is read once, so every key comes from the same version. */
export function createContentStore(kv: KVNamespace): ContentStore {
  let pointer: Promise<Pointer> | undefined;
  const version = () => (pointer ??= readPointer(kv)).then((p) => p.version);
  const optional = async <T>(key: (v: string) => string) => readJson<T>(kv, key(await version()));
  const required = async <T>(key: (v: string) => string) => {
    const value = await optional<T>(key);
    if (value === null) throw unavailable(new Error(`missing key ${key(await version())}`));
    return value;
  };
  return {
    site: (locale) => required<SiteView>((v) => kvKeys.site(v, locale)),
    home: (locale, page) => optional<ListView>((v) => kvKeys.home(v, locale, page)),
    achieved: (locale, page) => optional<ListView>((v) => kvKeys.achieved(v, locale, page)),
    project: (locale, slug) => optional<ProjectView>((v) => kvKeys.project(v, locale, slug)),
    sitemap: () => required<SitemapView>((v) => kvKeys.sitemap(v)),
  };
}

async function readPointer(kv: KVNamespace): Promise<Pointer> {
  const pointer = await readJson<Pointer>(kv, POINTER_KEY, POINTER_CACHE_TTL);
  if (!pointer || typeof pointer.version !== "string") throw unavailable(new Error("no live content version"));
  return pointer;
}

async function readJson<T>(kv: KVNamespace, key: string, cacheTtl = VERSION_CACHE_TTL): Promise<T | null> {
  try {
    return await kv.get<T>(key, { type: "json", cacheTtl });
  } catch (error) {
    throw unavailable(error);
  }
}
