// GET of a page with ?preview=<token>: a staged version's page for an editor, or a localized
// 403/404 saying why not. Never the live page in its place, never through the page cache, never
// with a consent form.
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { PREVIEW_CSS, PreviewBar } from "../../components/PreviewBar.tsx";
import { type ConsentRender, emptyPlacedParts } from "../../components/consent/consent-render.ts";
import { parsePath } from "../../content/paths.ts";
import type { Locale } from "../../content/locales.ts";
import { NONCE_PLACEHOLDER } from "../consent/nonce.ts";
import { canonicalLocation } from "../http/canonical-url.ts";
import { HttpError } from "../http/errors.ts";
import { respondToError } from "../http/respond-error.ts";
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  hashSource,
} from "../http/security-headers.ts";
import { renderPage } from "../pages/render-page.ts";
import { type PageContext, toHtmlResponse } from "../pages/respond.ts";
import type { RequestScope } from "../request-scope.ts";
import { markPreview } from "./mark.ts";
import { createVersionStore } from "./version-store.ts";
import { PREVIEW_PARAM, openPreviewToken } from "./token.ts";

export { isPreviewRequest } from "./is-preview.ts";

/** Shared caches and browsers keep nothing; crawlers index nothing. */
const PREVIEW_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex",
  // RFC 9211, as the page cache says it: this response went around it.
  "Cache-Status": "page-cache; fwd=bypass; detail=preview",
};

/** Resolved once per isolate (a value, never a promise another request awaits). */
let policy: string | undefined;

/**
 * The pages' policy (no script, no frame: a preview places nothing that needs one), with the bar's
 * stylesheet allowed too.
 */
async function previewPolicy(): Promise<string> {
  policy ??= (await contentSecurityPolicy()).replace(
    /style-src [^;]+/,
    `$& ${await hashSource(PREVIEW_CSS)}`,
  );
  return policy;
}

export async function servePreview(request: Request, scope: RequestScope): Promise<Response> {
  const url = new URL(request.url);
  try {
    return await renderPreview(url, scope);
  } catch (error) {
    // The error page asks nothing (no banner, no form): a choice is never made from a preview link.
    const response = await respondToError(error, request, scope.store, scope.origin);
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.headers.set(name, value);
    return response;
  }
}

async function renderPreview(url: URL, scope: RequestScope): Promise<Response> {
  const tokens = url.searchParams.getAll(PREVIEW_PARAM);
  const token = tokens.length === 1 ? tokens[0]! : "";
  // Canonical like any page (case, slashes, unknown parameters), keeping the token.
  const bare = new URL(url);
  bare.searchParams.delete(PREVIEW_PARAM);
  const canonical = canonicalLocation(bare);
  if (canonical && token) return redirect(withToken(canonical, token));

  const opened = await openPreviewToken(
    token,
    (scope.env as { PREVIEW_SECRET?: string }).PREVIEW_SECRET,
    Math.floor(Date.now() / 1000),
  );
  if (!opened.ok) {
    const kind = opened.problem === "expired" ? "previewExpired" : "previewInvalid";
    throw new HttpError(
      403,
      opened.problem === "expired"
        ? "The preview link has expired"
        : "The preview link is not valid",
      { kind },
    );
  }
  const parsed = parsePath(url.pathname);
  if (!parsed) throw new HttpError(404, "Not found");
  const store = createVersionStore(scope.env.CONTENT, opened.version);
  const site = await store.site(parsed.locale);
  const input: PageContext = {
    url: bare,
    locale: parsed.locale,
    origin: scope.origin,
    store,
    site,
    consentState: quietConsent(parsed.locale),
  };
  const rendered = await renderPage(input, parsed.ref, scope.env);
  if (!rendered) throw new HttpError(404, `Not in version ${opened.version}`);

  const strings = site.strings.preview;
  // No-break spaces: the date and time never split across lines of the bar.
  const expires = new Date(opened.expiresAt * 1000).toISOString();
  const bar = renderToString(
    h(PreviewBar, {
      strings,
      version: opened.version,
      expires: `${expires.slice(0, 10)}\u00a0${expires.slice(11, 16)}\u00a0UTC`,
      liveHref: bare.pathname + bare.search,
    }),
  );
  const marked = markPreview(await toHtmlResponse(rendered), {
    token,
    bar,
    css: PREVIEW_CSS,
    label: strings.label,
    noConsent: `<p class="preview-note">${escapeText(strings.noConsent)}</p>`,
    origins: [...new Set([url.origin, scope.origin])],
  });
  const response = new Response(marked.body, { status: rendered.status, headers: marked.headers });
  for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.headers.set(name, value);
  response.headers.delete("ETag");
  response.headers.set("Content-Security-Policy", await previewPolicy());
  return response;
}

/**
 * A consent state that places nothing: no banner, no player, no "allow and play", no script,
 * no analytics.
 */
function quietConsent(locale: Locale): ConsentRender {
  return {
    banner: null,
    granted: [],
    signal: false,
    nonce: NONCE_PLACEHOLDER,
    returnTo: `/${locale}/`,
    embed: () => ({ kind: "none" }),
    scriptPath: "",
    analytics: null,
    placed: emptyPlacedParts(),
  };
}

function withToken(path: string, token: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${PREVIEW_PARAM}=${encodeURIComponent(token)}`;
}

function redirect(location: string): Response {
  const response = new Response(null, {
    status: 301,
    headers: { Location: location, ...PREVIEW_HEADERS },
  });
  applySecurityHeaders(response.headers);
  return response;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
