// Who may keep what, and for how long: every Cache-Control the Worker sends is named here (README
// "Caching and performance").

export const CACHE_CONTROL = {
  /**
   * Pages as visitors get them: the consent step makes the bytes per visitor (banner or not,
   * embeds, the preferences receipt), so shared caches must not keep them; browsers revalidate
   * every time (a 304 via ETag).
   */
  page: "private, no-cache",
  /**
   * The consent-neutral copy in the Cache API. Its key names the deploy and content version, so it
   * never goes stale; the TTL only bounds how long dead versions linger.
   */
  stored: "public, max-age=604800",
  /** Fingerprinted assets: a new content means a new name. */
  asset: "public, max-age=31536000, immutable",
  /** Errors, redirects that depend on the visitor, anything personal or unnamed. */
  none: "no-store",
} as const;

const ASSET_PATH = /^\/assets\//;

/**
 * The Cache-Control a response leaves with: a successful fingerprinted asset is immutable whatever
 * its handler said; a response nobody gave a policy is not stored.
 */
export function finalCacheControl(
  pathname: string,
  status: number,
  current: string | null,
): string {
  if (status === 200 && ASSET_PATH.test(pathname)) return CACHE_CONTROL.asset;
  return current ?? CACHE_CONTROL.none;
}
