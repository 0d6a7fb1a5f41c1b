// Cache API keys for rendered pages. Pure: plain strings in, a URL string out.

/** Under the site's own origin (the Cache API is per zone), in a path no route serves. */
const PREFIX = "/_page-cache";

export type PageKeyParts = {
  /** The request's origin: canonical links in the page may depend on it. */
  origin: string;
  /** The Worker deploy that rendered the page: new code never serves an old render. */
  deploy: string;
  /** The content version the page was rendered from: a publish needs no purge. */
  version: string;
  /** Canonical path and query (`/it/?page=2`); the locale is its first segment. */
  path: string;
};

/** The key of one page of one content version. */
export function pageKey({ origin, deploy, version, path }: PageKeyParts): string {
  return `${origin}${PREFIX}/${seg(deploy)}/v/${seg(version)}${path}`;
}

/** The key of the newest render of a path, whatever its version: what is served when KV cannot name one. */
export function lastGoodKey({ origin, deploy, path }: Omit<PageKeyParts, "version">): string {
  return `${origin}${PREFIX}/${seg(deploy)}/last-good${path}`;
}

function seg(value: string): string {
  return encodeURIComponent(value || "none");
}
