// The content of one named version, for a preview: no pointer, no fallback to another version,
// nothing held by the isolate. A preview must show that version or say it cannot; and it must never
// become the version the visitors' store falls back to (worker/content/store.ts remembers the last
// version it served well).
import { isConsentView } from "../../content/consent-view.ts";
import {
  isFeedView,
  isListView,
  isProjectView,
  isSiteView,
  isSitemapView,
  kvKeys,
  parseJson,
} from "../../content/views.ts";
import type { ContentStore } from "../content/store.ts";
import { HttpError, unavailable } from "../http/errors.ts";

export function createVersionStore(kv: KVNamespace, version: string): ContentStore {
  const read = async <T>(
    key: string,
    isValid: (value: unknown) => value is T,
  ): Promise<T | null> => {
    let text: string | null;
    try {
      text = await kv.get(key, { type: "text" });
    } catch (error) {
      throw unavailable(error);
    }
    if (text === null) return null;
    const value = parseJson(text);
    if (!isValid(value)) throw unavailable(new Error(`corrupt value at ${key}`));
    return value;
  };
  // The site view is the first key a page reads: without it the version is not (or no longer)
  // in KV.
  const required = async <T>(key: string, isValid: (value: unknown) => value is T): Promise<T> =>
    (await read(key, isValid)) ??
    Promise.reject(
      new HttpError(404, `Version ${version} is not in KV`, { kind: "previewUnknown" }),
    );
  return {
    site: (locale) => required(kvKeys.site(version, locale), isSiteView),
    home: (locale, page, filter) => read(kvKeys.home(version, locale, page, filter), isListView),
    achieved: (locale, page) => read(kvKeys.achieved(version, locale, page), isListView),
    project: (locale, slug) => read(kvKeys.project(version, locale, slug), isProjectView),
    sitemap: () => required(kvKeys.sitemap(version), isSitemapView),
    consent: (locale) => required(kvKeys.consent(version, locale), isConsentView),
    // A staged version is read for each preview, never held.
    heldSite: () => undefined,
    heldConsent: () => undefined,
    feed: (locale) => read(kvKeys.feed(version, locale), isFeedView),
    asset: (file) =>
      read(kvKeys.asset(version, file), (value): value is string => typeof value === "string"),
  };
}
