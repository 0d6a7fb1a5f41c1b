// One URL per page: lowercase, no stray slashes, only the query parameters a page understands.
const LISTING = /^\/(it|en)\/(obiettivi-raggiunti|achieved)?$/;
/** Paths whose owners read their own query strings or are case-sensitive. */
const EXEMPT = /^\/(assets|admin|consent)(\/|$)/;

/**
 * The canonical form of a page URL's path and query, or null when the URL is already canonical.
 * `page` survives only on listing pages and only as a number above 1.
 */
export function canonicalLocation(url: URL): string | null {
  if (EXEMPT.test(url.pathname)) return null;
  let path = url.pathname.replace(/\/{2,}/g, "/").replace(/[A-Z]+/g, (s) => s.toLowerCase());
  if (path.length > 1 && path.endsWith("/")) path = path.replace(/\/+$/, "");
  if (/^\/(it|en)$/.test(path)) path += "/";
  const page = url.searchParams.get("page");
  const query = LISTING.test(path) && page && /^[1-9]\d{0,5}$/.test(page) && page !== "1" ? `?page=${page}` : "";
  const canonical = path + query;
  return canonical === url.pathname + url.search ? null : canonical;
}
