// Turning a rendered page into a Response, and the metadata every page needs.
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { PageMeta } from "../../components/Layout.tsx";
import type { ConsentRender } from "../../components/consent/consent-render.ts";
import { pathFor, type PageRef } from "../../content/paths.ts";
import { LOCALES, type Locale } from "../../content/locales.ts";
import { CACHE_CONTROL } from "../cache/cache-control.ts";
import type { ContentStore } from "../content/store.ts";
import type { SiteView } from "../../content/views.ts";
import { applySecurityHeaders, contentSecurityPolicy } from "../http/security-headers.ts";

/** What a page handler gets: the request's locale, its content and where the site lives. */
export type PageContext = {
  url: URL;
  locale: Locale;
  origin: string;
  site: SiteView;
  store: ContentStore;
  /** The visitor's consent state, for the page's banner, embeds and forms. */
  consentState: ConsentRender;
};

/** Pages are rendered per consent state: see cache/cache-control.ts. */
export const PAGE_CACHE_CONTROL = CACHE_CONTROL.page;

/**
 * A page rendered to its HTML, with its status and the headers of its own (none: the
 * page's defaults).
 */
export type RenderedPage = { html: string; status: number; headers: Record<string, string> };

/**
 * Renders a page to its complete HTML document. A visitor's page goes on to finishPage, as bytes,
 * never a Response.
 */
export function renderHtml(
  page: VNode<any>,
  status = 200,
  headers: Record<string, string> = {},
): RenderedPage {
  return { html: `<!doctype html>${renderToString(page)}`, status, headers };
}

/** A rendered page as a Response with the page CSP (error pages, previews). */
export async function toHtmlResponse({ html, status, headers }: RenderedPage): Promise<Response> {
  const response = new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": PAGE_CACHE_CONTROL,
      ...headers,
    },
  });
  applySecurityHeaders(response.headers, await contentSecurityPolicy());
  return response;
}

/**
 * The headers of a rendered page's Response, lower case as Headers gives them, less the CSP and the
 * cache policy (each state's and each view's): what finishPage keeps without making the Response. A
 * fresh object each time (finishPage adds the CSP); the usual page, with no headers of its own,
 * copies one made once.
 */
export function pageHeaders(own: Record<string, string>): Record<string, string> {
  if (Object.keys(own).length > 0) return makePageHeaders(own);
  defaultPageHeaders ??= Object.freeze(makePageHeaders({}));
  return { ...defaultPageHeaders };
}

let defaultPageHeaders: Readonly<Record<string, string>> | undefined;

function makePageHeaders(own: Record<string, string>): Record<string, string> {
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", ...own });
  applySecurityHeaders(headers);
  headers.delete("Content-Security-Policy");
  headers.delete("Cache-Control");
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => (kept[name] = value));
  return kept;
}

/** Renders a page to a complete HTML response with the page CSP. */
export function htmlResponse(
  page: VNode<any>,
  status = 200,
  headers: Record<string, string> = {},
): Promise<Response> {
  return toHtmlResponse(renderHtml(page, status, headers));
}

/** Canonical URL and language alternates for a page known in both locales. */
export function pageMeta(
  input: Pick<PageContext, "origin" | "locale">,
  refs: Record<Locale, PageRef>,
  fields: Omit<PageMeta, "canonical" | "alternates">,
): PageMeta {
  const alternates = Object.fromEntries(
    LOCALES.map((l) => [l, input.origin + pathFor(l, refs[l])]),
  ) as Record<Locale, string>;
  return { ...fields, canonical: alternates[input.locale], alternates };
}

/** The same reference in both locales (every page except a project, whose slug differs). */
export function sameRef(ref: PageRef): Record<Locale, PageRef> {
  return { it: ref, en: ref };
}
