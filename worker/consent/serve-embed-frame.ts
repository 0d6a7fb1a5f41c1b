// GET /consent/embed/<provider>/<id>: one embed in a same-origin frame, for visitors who allowed
// its category.
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { EMBED_FRAME_CSS, EmbedFramePage } from "../../components/consent/EmbedFramePage.tsx";
import type { RequestScope } from "../request-scope.ts";
import { HttpError } from "../http/errors.ts";
import { applySecurityHeaders, hashSource } from "../http/security-headers.ts";
import { readGranted } from "./choice-encoding.ts";
import { findEmbedService } from "./policy-version.ts";
import { loadConsentSetup } from "./load-consent-setup.ts";
import { readVisitor } from "./read-visitor.ts";

const MAX_TITLE = 200;
/** Resolved once per isolate (never a promise another request awaits). */
let styleSource: string | undefined;

export async function serveEmbedFrame(
  request: Request,
  scope: RequestScope,
  provider: string,
  id: string,
): Promise<Response | undefined> {
  if (!/^[a-z]{1,32}$/.test(provider) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return undefined;
  const query = new URL(request.url).searchParams;
  const locale = query.get("lang") === "en" ? "en" : "it";
  const setup = await loadConsentSetup(scope.store, locale, scope.env);
  const service = findEmbedService(setup.categories, provider);
  if (!service?.embedUrl) return undefined;
  const visitor = await readVisitor(request, setup, scope.env);
  if (!readGranted(visitor.status).includes(service.category)) {
    throw new HttpError(403, "This video is shown only to visitors who allowed it", {
      kind: "consentRefused",
    });
  }
  const src =
    service.embedUrl.replace("{id}", id) + (query.get("autoplay") === "1" ? "?autoplay=1" : "");
  const title = (query.get("title") ?? "").slice(0, MAX_TITLE) || service.name;
  const page = `<!doctype html>${renderToString(h(EmbedFramePage, { lang: locale, title, src }))}`;
  const response = new Response(page, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
  applySecurityHeaders(response.headers, await buildFrameCsp(service.origins.frame ?? []));
  // This page exists to be framed by the site's own pages, and only by them.
  response.headers.set("X-Frame-Options", "SAMEORIGIN");
  return response;
}

async function buildFrameCsp(frameOrigins: readonly string[]): Promise<string> {
  styleSource ??= await hashSource(EMBED_FRAME_CSS);
  return [
    "default-src 'none'",
    `style-src ${styleSource}`,
    `frame-src ${frameOrigins.join(" ") || "'none'"}`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
