// Routes: read, validate, load, render, respond. Handlers return a Response, or nothing for "not found".
import { Router, type IRequest } from "itty-router";
import type { Locale } from "../content/locales.ts";
import { type PageRef, parsePath } from "../content/paths.ts";
import type { SiteView } from "../content/views.ts";
import { handleAdmin } from "./admin/routes.ts";
import { serveAsset } from "./assets/consent-asset.ts";
import { serveShareImage } from "./assets/share-image.ts";
import { answerConditional } from "./cache/conditional.ts";
import { createPageCache } from "./cache/page-cache.ts";
import { finalCacheControl } from "./cache/policy.ts";
import { applyVisitorConsent } from "./consent/apply.ts";
import { serveEmbedFrame } from "./consent/embed-frame.ts";
import { handleConsentPost } from "./consent/post.ts";
import { type ContentStore, createContentStore } from "./content/store.ts";
import { canonicalLocation } from "./http/canonical.ts";
import { HttpError } from "./http/errors.ts";
import { respondToError } from "./http/respond-error.ts";
import { applySecurityHeaders } from "./http/security-headers.ts";
import { serveAchieved } from "./pages/achieved.ts";
import { serveCookies } from "./pages/cookies.ts";
import { serveFeed } from "./pages/feed.ts";
import { serveHome } from "./pages/home.ts";
import { serveProject } from "./pages/project.ts";
import { redirectByLanguage, serveRobots, serveSitemap } from "./pages/site-files.ts";

/** What every handler gets besides the request. */
export type RequestScope = { env: Env; ctx: ExecutionContext; store: ContentStore; origin: string };

type Args = [RequestScope];

const PAGE_METHODS = ["GET", "HEAD"];
/** Paths that answer other methods than GET and HEAD. */
const METHODS_BY_PATH: Record<string, string[]> = { "/consent": ["POST"], "/admin/api/seal": ["POST"] };

const router = Router<IRequest, Args>()
  .get("/", (request) => redirectByLanguage(request))
  .get("/robots.txt", (_request, { origin }) => serveRobots(origin))
  .get("/sitemap.xml", async (_request, { store, origin }) => serveSitemap(origin, await store.sitemap()))
  .get("/:locale/feed.xml", (request, { store, origin }) => serveFeed(request.params.locale!, store, origin))
  .post("/consent", (request, scope) => handleConsentPost(request, scope))
  .get("/consent/embed/:provider/:id", (request, scope) => serveEmbedFrame(request, scope, request.params.provider!, request.params.id!))
  .get("/assets/:file", async (request, { store }) => {
    const { pathname } = new URL(request.url);
    return (await serveAsset(pathname)) ?? serveShareImage(pathname, store);
  })
  .all("/admin/*", (request, { env }) => handleAdmin(request, env))
  .get("/:locale/*", servePage);

/** A page: from the page cache (consent-neutral), then the visitor's consent, then its ETag and a 304 if it matches. */
async function servePage(request: IRequest, scope: RequestScope): Promise<Response | undefined> {
  const url = new URL(request.url);
  const parsed = parsePath(url.pathname);
  if (!parsed) return undefined;
  let site: Promise<SiteView> | undefined;
  const loadSite = () => (site ??= scope.store.site(parsed.locale));
  const pages = createPageCache({ origin: url.origin, env: scope.env, ctx: scope.ctx });
  const neutral = await pages.serve(
    url.pathname + url.search,
    async () => (await loadSite()).version,
    async () => renderPage(url, parsed, scope, await loadSite()),
  );
  if (!neutral) return undefined;
  return answerConditional(request, await applyVisitorConsent(request, neutral, scope));
}

function renderPage(url: URL, { locale, ref }: { locale: Locale; ref: PageRef }, scope: RequestScope, site: SiteView) {
  const ctx = { url, locale, origin: scope.origin, store: scope.store, site };
  const page = Number(url.searchParams.get("page") ?? "1");
  switch (ref.page) {
    case "home":
      return serveHome(ctx, page);
    case "achieved":
      return serveAchieved(ctx, page);
    case "project":
      return serveProject(ctx, ref.slug);
    case "cookies":
      return serveCookies(ctx, scope.env);
  }
}

/** The Worker's whole request path: method check, canonical redirect, routing, errors. */
export async function handleRequest(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const url = new URL(request.url);
  const store = createContentStore(env.CONTENT, undefined, (read) => ctx.waitUntil(read));
  const scope: RequestScope = { env, ctx, store, origin: env.SITE_ORIGIN || url.origin };
  try {
    const allowed = METHODS_BY_PATH[url.pathname] ?? PAGE_METHODS;
    if (!allowed.includes(request.method)) {
      throw new HttpError(405, "Method not allowed", { headers: { Allow: allowed.join(", ") } });
    }
    const isHead = request.method === "HEAD";
    const canonical = isHead || request.method === "GET" ? canonicalLocation(url) : null;
    if (canonical) return permanentRedirect(canonical);
    const routed = isHead ? new Request(request, { method: "GET" }) : request;
    const routedResponse = (await router.fetch(routed, scope)) as Response | undefined;
    if (!routedResponse) throw new HttpError(404, "Not found");
    const response = withCacheControl(url.pathname, routedResponse);
    return isHead ? new Response(null, response) : response;
  } catch (error) {
    // Error pages carry the banner too: a choice that was refused or not recorded is asked again there.
    const { response } = await applyVisitorConsent(request, await respondToError(error, request, scope.store, scope.origin), scope);
    return request.method === "HEAD" ? new Response(null, response) : response;
  }
}

/** Every response leaves with an explicit Cache-Control (see cache/policy.ts). */
function withCacheControl(pathname: string, response: Response): Response {
  const value = finalCacheControl(pathname, response.status, response.headers.get("Cache-Control"));
  if (value === response.headers.get("Cache-Control")) return response;
  const copy = new Response(response.body, response);
  copy.headers.set("Cache-Control", value);
  return copy;
}

function permanentRedirect(location: string): Response {
  const response = new Response(null, {
    status: 301,
    headers: { Location: location, "Cache-Control": "public, max-age=86400" },
  });
  applySecurityHeaders(response.headers);
  return response;
}
