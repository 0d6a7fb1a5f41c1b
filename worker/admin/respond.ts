// Admin responses: never stored by any cache, never indexed; HTML with a CSP that allows only its own stylesheet.
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { ADMIN_CSS } from "../../components/admin/admin-styles.ts";
import { applySecurityHeaders, hashSource } from "../http/security-headers.ts";

export const ADMIN_HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" } as const;

/** Resolved once per isolate (never a promise another request awaits). */
let csp: string | undefined;

/** The admin pages' CSP, computed once per isolate. */
async function adminCsp(): Promise<string> {
  if (csp) return csp;
  const style = await hashSource(ADMIN_CSS);
  csp = `default-src 'none'; style-src ${style}; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`;
  return csp;
}

export async function adminHtml(page: VNode<any>): Promise<Response> {
  const response = new Response(`<!doctype html>${renderToString(page)}`, {
    headers: { "Content-Type": "text/html; charset=utf-8", ...ADMIN_HEADERS },
  });
  applySecurityHeaders(response.headers, await adminCsp());
  return response;
}

/** Any other admin answer (JSON, exports, redirects): admin headers and the default locked-down CSP. */
export function adminResponse(body: BodyInit | null, init: ResponseInit = {}): Response {
  const response = new Response(body, init);
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) response.headers.set(name, value);
  applySecurityHeaders(response.headers);
  return response;
}
