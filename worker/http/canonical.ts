// One URL per page: lowercase, no stray slashes, only the query parameters a page understands.
import { readHomeQuery, pathFor } from "../../content/paths.ts";
import type { Locale } from "../../content/locales.ts";

const ACHIEVED = /^\/(it|en)\/(obiettivi-raggiunti|achieved)$/;
const HOME = /^\/(it|en)\/$/;
/** Paths whose owners read their own query strings or are case-sensitive. */
const EXEMPT = /^\/(assets|admin|consent)(\/|$)/;

/**
 * The canonical form of a page URL's path and query, or null when the URL is already canonical.
 * `page` survives only on listing pages and only as a number above 1; the home page keeps its filters, in its
 * locale's words and in a fixed order (an empty one, as the form sends for "all", is dropped). A status value
 * nobody knows is left for the page to refuse with a 400.
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
