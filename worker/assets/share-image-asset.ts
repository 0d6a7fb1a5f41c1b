// The share images (og:image), `/assets/share-<locale>.<hash>.png`: immutable, their bytes in the
// content version.
import { fromBase64 } from "../../lib/bytes.ts";
import type { ContentStore } from "../content/store.ts";
import { CACHE_CONTROL } from "../cache/cache-control.ts";
import { applySecurityHeaders } from "../http/security-headers.ts";

const NAME = /^\/assets\/(share-(?:it|en)\.[0-9a-f]{10}\.png)$/;

/**
 * The image at `pathname`, or nothing (a 404) for any other name, or one the live version does
 * not carry.
 */
export async function serveShareImage(
  pathname: string,
  store: ContentStore,
): Promise<Response | undefined> {
  const file = NAME.exec(pathname)?.[1];
  if (!file) return undefined;
  const base64 = await store.asset(file);
  if (base64 === null) return undefined;
  const response = new Response(fromBase64(base64), {
    headers: { "Content-Type": "image/png", "Cache-Control": CACHE_CONTROL.asset },
  });
  applySecurityHeaders(response.headers);
  // Crawlers of other sites fetch it to preview a shared link.
  response.headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  return response;
}
