// A stored page as one view of it: the page's headers with its tag and where it came from, a 304
// when the browser holds those bytes, else the bytes with this view's nonce written over each
// placeholder. No HTML is read.
import type { StoredPage } from "./memory.ts";
import { ifNoneMatchHits } from "./etag.ts";
import { CACHE_CONTROL } from "./cache-control.ts";

export type DeliverOptions = {
  /** RFC 9211 Cache-Status (see page-cache.ts); none for pages that are never cached (errors). */
  cacheStatus?: string;
  /** Defaults to the pages' policy; errors keep their own. */
  cacheControl?: string;
  /**
   * This view's nonce (ASCII bytes), as long as the placeholder it replaces: asked for only when
   * the page carries forms and bytes.
   */
  issueNonce: () => Uint8Array;
  ifNoneMatch: string | null;
  /** HTTP status of the page: 200, or an error page's. */
  status?: number;
};

export function deliverPage(
  page: StoredPage,
  {
    cacheStatus,
    cacheControl = CACHE_CONTROL.page,
    issueNonce,
    ifNoneMatch,
    status = 200,
  }: DeliverOptions,
): Response {
  const headers = headersOf(page, cacheControl, cacheStatus);
  // A 304 has no form to carry a nonce, so none is signed for it.
  if (status === 200 && ifNoneMatchHits(ifNoneMatch, page.etag))
    return new Response(null, { status: 304, headers });
  if (page.nonceAt.length === 0) return new Response(page.body, { status, headers });
  // The nonce is written into the stored bytes, the Response copies them (workerd copies a buffer
  // when a Response is made: tests/unit/cache/deliver.test.ts pins it), and the placeholder is
  // written back; nothing runs in between, so no other request sees them changed. Copying 20 KB per
  // view instead cost more than the nonce itself.
  const first = page.nonceAt[0]!;
  const nonce = issueNonce();
  const placeholder = page.body.slice(first, first + nonce.length);
  stamp(page, nonce);
  const response = new Response(page.body, { status, headers });
  stamp(page, placeholder);
  return response;
}

/**
 * A stored page's headers for one cache policy and status, made once per page and kept with it (a
 * frozen copy).
 */
const HEADERS = new WeakMap<StoredPage, Map<string, Readonly<Record<string, string>>>>();

function headersOf(
  page: StoredPage,
  cacheControl: string,
  cacheStatus: string | undefined,
): Readonly<Record<string, string>> {
  let made = HEADERS.get(page);
  if (!made) HEADERS.set(page, (made = new Map()));
  const id = `${cacheControl}\n${cacheStatus ?? ""}`;
  let headers = made.get(id);
  if (!headers) {
    // Stored names are lower case (as Headers gives them), so these replace nothing by accident.
    const own: Record<string, string> = {
      ...page.headers,
      etag: page.etag,
      "cache-control": cacheControl,
    };
    if (cacheStatus) own["cache-status"] = cacheStatus;
    made.set(id, (headers = Object.freeze(own)));
  }
  return headers;
}

function stamp(page: StoredPage, bytes: Uint8Array): void {
  for (const at of page.nonceAt) page.body.set(bytes, at);
}
