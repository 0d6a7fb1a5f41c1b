// Admin responses: never stored by any cache, never indexed; HTML with a CSP that allows only its
// own stylesheet (and frames of its own archive pages).
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { ADMIN_CSS } from "../../components/admin/admin-styles.ts";
import { CSS } from "../../components/styles.ts";
import { applySecurityHeaders, hashSource } from "../http/security-headers.ts";

export const ADMIN_HEADERS = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
} as const;

/** Resolved once per isolate (never a promise another request awaits). */
let csp: string | undefined;

/** The admin pages' CSP, computed once per isolate. */
async function adminCsp(): Promise<string> {
  if (csp) return csp;
  const style = await hashSource(ADMIN_CSS);
  csp = `default-src 'none'; style-src ${style}; img-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`;
  return csp;
}

/** Resolved once per isolate: the archived texts' frame uses the site's own stylesheet. */
let archiveCsp: string | undefined;

/**
 * An archived rendering: the site's stylesheet only, no script, no form submission, framed only by
 * the dashboard, and sandboxed by its own CSP as well as by the frame's attribute.
 */
async function archivedCsp(): Promise<string> {
  if (archiveCsp) return archiveCsp;
  const style = await hashSource(CSS);
  archiveCsp = `default-src 'none'; style-src ${style}; img-src 'self' data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'; sandbox`;
  return archiveCsp;
}

export async function adminHtml(page: VNode<any>, init: ResponseInit = {}): Promise<Response> {
  const response = new Response(`<!doctype html>${renderToString(page)}`, init);
  response.headers.set("Content-Type", "text/html; charset=utf-8");
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) response.headers.set(name, value);
  applySecurityHeaders(response.headers, await adminCsp());
  return response;
}

/** An archived consent rendering, to be framed by the dashboard's texts page. */
export async function archivedHtml(page: VNode<any>): Promise<Response> {
  const response = await adminHtml(page);
  applySecurityHeaders(response.headers, await archivedCsp());
  response.headers.set("X-Frame-Options", "SAMEORIGIN");
  return response;
}

/**
 * Any other admin answer (JSON, exports, redirects): admin headers and the default locked-down CSP.
 */
export function adminResponse(body: BodyInit | null, init: ResponseInit = {}): Response {
  const response = new Response(body, init);
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) response.headers.set(name, value);
  applySecurityHeaders(response.headers);
  return response;
}
