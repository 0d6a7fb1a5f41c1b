// The one place where failures become responses: a localized error page for visitors, JSON for
// API callers.
import { h } from "preact";
import { ErrorPage } from "../../components/ErrorPage.tsx";
import type { ConsentRender } from "../../components/consent/consent-render.ts";
import bundledStrings from "../../content/outage-strings.json";
import type { OutageStrings } from "../../content/outage-strings.ts";
import { pathFor } from "../../content/paths.ts";
import type { Locale, Strings, UiStrings } from "../../content/schema.ts";
import type { ContentStore } from "../content/store.ts";
import { htmlResponse } from "../pages/respond.ts";
import { HttpError } from "./errors.ts";
import { localeOfPath, negotiateLocale } from "./locale.ts";
import { applySecurityHeaders } from "./security-headers.ts";

/** Strings shipped with the Worker, so error pages stay localized even when KV is down. */
const FALLBACK_STRINGS = bundledStrings as Record<Locale, OutageStrings>;

/**
 * The consent state an error page shows, for its locale; undefined when it cannot be known (then it
 * asks nothing).
 */
export type ErrorConsent = (locale: Locale) => Promise<ConsentRender | undefined>;

export async function respondToError(
  error: unknown,
  request: Request,
  store: ContentStore,
  origin: string,
  consentFor?: ErrorConsent,
): Promise<Response> {
  const httpError =
    error instanceof HttpError ? error : new HttpError(500, "Internal error", { cause: error });
  if (httpError.status >= 500) {
    console.error(
      JSON.stringify({
        event: "request_failed",
        status: httpError.status,
        url: request.url,
        error: describe(httpError.cause ?? error),
      }),
    );
  }
  const headers = { ...httpError.headers, "Cache-Control": "no-store" };
  const url = new URL(request.url);
  if (wantsJson(request, url)) {
    const response = Response.json(
      { error: httpError.message, status: httpError.status },
      { status: httpError.status, headers },
    );
    applySecurityHeaders(response.headers);
    return response;
  }
  // A form post (POST /consent) has no language in its path: the page it was sent from has.
  const locale =
    localeOfPath(url.pathname) ??
    localeOfPath(refererPath(request)) ??
    negotiateLocale(request.headers.get("Accept-Language"));
  const strings = await stringsFor(locale, store, httpError);
  const home = { page: "home" } as const;
  const meta = {
    title: `${strings.errors[httpError.kind].title} · ${strings.siteName}`,
    description: strings.errors[httpError.kind].text,
    canonical: origin + pathFor(locale, home),
    alternates: { it: origin + pathFor("it", home), en: origin + pathFor("en", home) },
  };
  const actionHref = httpError.kind === "unavailable" ? url.pathname : pathFor(locale, home);
  const consentState = await consentFor?.(locale);
  return htmlResponse(
    h(ErrorPage, { locale, strings, kind: httpError.kind, meta, actionHref, consentState }),
    httpError.status,
    headers,
  );
}

async function stringsFor(
  locale: Locale,
  store: ContentStore,
  error: HttpError,
): Promise<OutageStrings> {
  // 429: a flood costs no KV read (and the page needs no live version that already knows its text).
  if (error.status === 503 || error.status === 429) return FALLBACK_STRINGS[locale];
  try {
    const { strings } = await store.site(locale);
    // A live version built before this error's text existed (a preview error, right after a deploy)
    // uses the bundled one.
    return strings.errors[error.kind] ? strings : FALLBACK_STRINGS[locale];
  } catch {
    return FALLBACK_STRINGS[locale];
  }
}

function refererPath(request: Request): string {
  const referer = URL.parse(request.headers.get("Referer") ?? "");
  return referer && referer.origin === new URL(request.url).origin ? referer.pathname : "";
}

function wantsJson(request: Request, url: URL): boolean {
  if (url.pathname.startsWith("/admin/api/")) return true;
  const accept = request.headers.get("Accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
