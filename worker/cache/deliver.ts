// A stored page as one view of it: the page's headers with its tag and where it came from, a 304 when the browser
// holds those bytes, else a copy of the bytes with this view's nonce written over each placeholder. No HTML is read.
import type { StoredPage } from "./memory.ts";
import { ifNoneMatchHits } from "./etag.ts";
import { CACHE_CONTROL } from "./policy.ts";

export type DeliverOptions = {
  /** RFC 9211 Cache-Status (see page-cache.ts); none for pages that are never cached (errors). */
  cacheStatus?: string;
  /** Defaults to the pages' policy; errors keep their own. */
  cacheControl?: string;
  /** This view's nonce, as long as the placeholder it replaces: asked for only when the page carries forms and bytes. */
  issueNonce: () => Promise<string>;
  ifNoneMatch: string | null;
  /** HTTP status of the page: 200, or an error page's. */
  status?: number;
};

export async function deliverPage(page: StoredPage, { cacheStatus, cacheControl = CACHE_CONTROL.page, issueNonce, ifNoneMatch, status = 200 }: DeliverOptions): Promise<Response> {
  // Stored names are lower case (as Headers gives them), so these replace nothing by accident.
  const headers: Record<string, string> = { ...page.headers, etag: page.etag, "cache-control": cacheControl };
  if (cacheStatus) headers["cache-status"] = cacheStatus;
  // A 304 has no form to carry a nonce, so none is signed for it.
  if (status === 200 && ifNoneMatchHits(ifNoneMatch, page.etag)) return new Response(null, { status: 304, headers });
  // Without forms the stored bytes go as they are: a Response copies its body, and nothing ever changes them.
  const body = page.nonceAt.length === 0 ? page.body : spliceNonce(page, await issueNonce());
  return new Response(body, { status, headers });
}

/** A copy of the page's bytes with `nonce` (ASCII, placeholder-long) at each of its offsets. */
function spliceNonce(page: StoredPage, nonce: string): Uint8Array<ArrayBuffer> {
  const body = page.body.slice();
  const bytes = new Uint8Array(nonce.length);
  for (let i = 0; i < nonce.length; i++) bytes[i] = nonce.charCodeAt(i);
  for (const at of page.nonceAt) body.set(bytes, at);
  return body;
}
