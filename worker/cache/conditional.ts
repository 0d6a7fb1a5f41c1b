// The last step of a page: its final ETag, and 304 when the browser already holds those bytes.
import { bodyTagOf, composeEtag, ifNoneMatchHits } from "./etag.ts";

/**
 * A page as one visitor gets it. `variant` names the per-visitor state that changed its bytes (granted
 * categories, policy version, the receipt on the preferences page); "" when the page is the neutral one.
 */
export type VisitorPage = { response: Response; variant: string };

/** Sets the final ETag (neutral body + variant) and answers `If-None-Match` with 304. */
export async function answerConditional(request: Request, page: VisitorPage): Promise<Response> {
  const bodyTag = bodyTagOf(page.response.headers.get("ETag"));
  if (!bodyTag) return page.response;
  const headers = new Headers(page.response.headers);
  const etag = await composeEtag(bodyTag, page.variant);
  headers.set("ETag", etag);
  if (!ifNoneMatchHits(request.headers.get("If-None-Match"), etag)) {
    return new Response(page.response.body, { status: page.response.status, headers });
  }
  await page.response.body?.cancel();
  headers.delete("Content-Length");
  return new Response(null, { status: 304, headers });
}
