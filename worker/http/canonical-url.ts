// One URL per page: lowercase, no stray slashes, only the query parameters a page understands; one
// origin per site.
import { readHomeQuery, pathFor } from "../../content/paths.ts";
import type { Locale } from "../../content/locales.ts";

const ACHIEVED = /^\/(it|en)\/(obiettivi-raggiunti|achieved)$/;
const HOME = /^\/(it|en)\/$/;
/** Paths whose owners read their own query strings or are case-sensitive. */
const EXEMPT = /^\/(assets|admin|consent)(\/|$)/;

/**
 * The canonical form of a page URL's path and query, or null when the URL is already canonical.
 * `page` survives only on listing pages and only as a number above 1; the home page keeps its
 * filters, in its locale's words and in a fixed order (an empty one, as the form sends for "all",
 * is dropped). A status value nobody knows is left for the page to refuse with a 400.
 */
export function canonicalLocation(url: URL): string | null {
  if (EXEMPT.test(url.pathname)) return null;
  let path = url.pathname.replace(/\/{2,}/g, "/").replace(/[A-Z]+/g, (s) => s.toLowerCase());
  if (path.length > 1 && path.endsWith("/")) path = path.replace(/\/+$/, "");
  if (/^\/(it|en)$/.test(path)) path += "/";
  let query = "";
  const home = HOME.exec(path);
  if (home) {
    const { filter, page, unknownStatus } = readHomeQuery(url.searchParams);
    if (unknownStatus !== undefined) return path === url.pathname ? null : path + url.search;
    query = pathFor(home[1] as Locale, { page: "home", filter, number: page }).slice(path.length);
  } else if (ACHIEVED.test(path)) {
    const page = url.searchParams.get("page");
    query = page && /^[1-9]\d{0,5}$/.test(page) && page !== "1" ? `?page=${page}` : "";
  }
  const canonical = path + query;
  return canonical === url.pathname + url.search ? null : canonical;
}

/**
 * SITE_ORIGIN as `scheme://host[:port]` (a trailing slash forgiven), or null when empty, relative
 * or carrying more. Pure.
 */
export function parseSiteOrigin(value: string | undefined): string | null {
  const url = URL.parse(value ?? "");
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/") return null;
  // Only the origin itself, spelled as the URL serializer spells it: no user, query, fragment or
  // stray characters.
  return (value ?? "").replace(/\/$/, "").toLowerCase() === url.origin ? url.origin : null;
}

/**
 * The site's public origin, which production must name: throws, saying which variable and why, when
 * SITE_ORIGIN is malformed, or is not an https origin where ENVIRONMENT is "production". Elsewhere
 * empty means null (local runs answer at whatever address they are served). For the deploy to
 * refuse; the Worker itself uses `resolveSiteOrigin`.
 */
export function requireSiteOrigin(env: {
  SITE_ORIGIN?: string;
  ENVIRONMENT?: string;
}): string | null {
  const value = env.SITE_ORIGIN ?? "";
  const origin = parseSiteOrigin(value);
  if (value !== "" && !origin)
    throw new Error(
      `SITE_ORIGIN must be an origin such as https://www.example.org, with no path: got ${JSON.stringify(value)}`,
    );
  if (env.ENVIRONMENT === "production" && !origin?.startsWith("https://")) {
    throw new Error(
      "SITE_ORIGIN must be set to the site's public https origin in production: every canonical, hreflang, sitemap and robots URL uses it, and requests for any other host are sent there",
    );
  }
  return origin;
}

let resolved: { value: string; origin: string | null } | undefined;

/**
 * The origin every URL the site emits uses: SITE_ORIGIN when it is one, else (local runs) the
 * request's own.
 */
export function resolveSiteOrigin(env: { SITE_ORIGIN?: string }, requestOrigin: string): string {
  const value = env.SITE_ORIGIN ?? "";
  if (resolved?.value !== value) resolved = { value, origin: parseSiteOrigin(value) };
  return resolved.origin ?? requestOrigin;
}

/**
 * The same path and query on the site's origin when `url` is on another host or scheme, else null.
 */
export function locateOnSite(url: URL, origin: string, requestOrigin = url.origin): string | null {
  return requestOrigin === origin ? null : origin + url.pathname + url.search;
}

/**
 * An absolute URL with no user, query or fragment, whose path is lowercase letters, digits, "-"
 * and "/".
 */
const PLAIN_URL = /^(https?:\/\/[^/?#@\\]+)(\/[a-z0-9/-]*)$/;

/**
 * The origin and path of a URL text that parsing could not change (a page's usual request), read
 * without parsing it; null for any other, which goes through `new URL`. Exact only for a URL
 * already serialized, as the runtime gives `request.url`; a differing origin just misses what it is
 * compared with.
 */
export function readPlainUrl(text: string): { origin: string; pathname: string } | null {
  const match = PLAIN_URL.exec(text);
  return match ? { origin: match[1]!, pathname: match[2]! } : null;
}
