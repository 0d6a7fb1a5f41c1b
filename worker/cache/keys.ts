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
  /**
   * The consent policy in force (its version and the bindings that change the bytes): a change
   * asks again.
   */
  policy: string;
  /** The visitor's consent state (worker/consent/pick-consent-state.ts). */
  state: string;
  /** Canonical path and query (`/it/?page=2`); the locale is its first segment. */
  path: string;
};

/** The key of one page of one content version, as one consent state receives it. */
export function pageKey({ origin, deploy, version, policy, state, path }: PageKeyParts): string {
  return `${origin}${PREFIX}/${seg(deploy)}/v/${seg(version)}/${seg(policy)}/${seg(state)}${path}`;
}

/**
 * The key of the newest render of a path in a state, whatever its version: what is served when KV
 * cannot name one.
 */
export function lastGoodKey({
  origin,
  deploy,
  state,
  path,
}: Omit<PageKeyParts, "version" | "policy">): string {
  return `${origin}${PREFIX}/${seg(deploy)}/last-good/${seg(state)}${path}`;
}

function seg(value: string): string {
  return encodeURIComponent(value || "none");
}
