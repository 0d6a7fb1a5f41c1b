// Routes: read, validate, load, render, respond. Handlers return a Response, or nothing for
// "not found".
import { Router, type IRequest } from "itty-router";
import { parsePath } from "../content/paths.ts";
import { serveAsset } from "./assets/consent-asset.ts";
import { serveShareImage } from "./assets/share-image-asset.ts";
import { finalCacheControl } from "./cache/cache-control.ts";
import { serveEmbedFrame } from "./consent/serve-embed-frame.ts";
import { createContentStore, readPointerTtl } from "./content/store.ts";
import { canonicalLocation, locateOnSite, resolveSiteOrigin } from "./http/canonical-url.ts";
import { HttpError, retryAfter } from "./http/errors.ts";
import { applySecurityHeaders } from "./http/security-headers.ts";
import { serveErrorPage } from "./pages/error-page.ts";
import { serveHeldRequest, servePage } from "./pages/serve.ts";
import { isPreviewRequest } from "./preview/is-preview.ts";
import { redirectByLanguage, serveRobots, serveSitemap } from "./pages/site-files.ts";
import type { RequestScope } from "./request-scope.ts";

type Args = [RequestScope];

const PAGE_METHODS = ["GET", "HEAD"];
/** Paths that answer other methods than GET and HEAD. */
const METHODS_BY_PATH: Record<string, string[]> = {
  "/consent": ["POST"],
  "/admin/api/seal": ["POST"],
  "/admin/api/erase": ["POST"],
};

const router = Router<IRequest, Args>()
  .get("/", (request) => redirectByLanguage(request))
  .get("/robots.txt", (_request, { origin }) => serveRobots(origin))
  .get("/sitemap.xml", async (_request, { store, origin }) =>
    serveSitemap(origin, await store.sitemap()),
  )
  // Feeds are files for feed readers, not page views: the compliance Worker writes them.
  .get("/:locale/feed.xml", (request, { env }) => forwardToAdmin(request, env))
  // A decision is recorded by the compliance Worker, where the log's writer lives: a page view
  // loads none of it.
  .post("/consent", (request, { env }) => forwardToAdmin(request, env))
  // The log's public files are the compliance Worker's too: proofs and heads load nothing on a
  // page view.
  .get("/consent/log/head", (request, { env }) => forwardToAdmin(request, env))
  .get("/consent/receipt", (request, { env }) => forwardToAdmin(request, env))
  .get("/consent/embed/:provider/:id", (request, scope) =>
    serveEmbedFrame(request, scope, request.params.provider!, request.params.id!),
  )
  .get("/assets/:file", async (request, { store }) => {
    const { pathname } = new URL(request.url);
    return (await serveAsset(pathname)) ?? serveShareImage(pathname, store);
  })
  .all("/admin/*", (request, { env }) => forwardToAdmin(request, env));

/** The Worker's whole request path: method check, canonical redirect, routing, errors. */
export async function handleRequest(
  request: Request,
  env: Env,
  ctx: ExecutionContext,
): Promise<Response> {
  // Most requests: a page the isolate holds, for a URL nothing below would change.
  // Anything it throws, the whole path below meets again, and answers with an error page.
  const held = tryHeld(request, env, ctx);
  if (held) return held;
  const url = new URL(request.url);
  // Read once: URL makes a new string at each read of its origin.
  const requestOrigin = url.origin;
  const store = createContentStore(env.CONTENT, { pointerTtlSeconds: readPointerTtl(env) });
  const scope: RequestScope = { env, ctx, store, origin: resolveSiteOrigin(env, requestOrigin) };
  try {
    const allowed = METHODS_BY_PATH[url.pathname] ?? PAGE_METHODS;
    if (!allowed.includes(request.method)) {
      throw new HttpError(405, "Method not allowed", { headers: { Allow: allowed.join(", ") } });
    }
    // One origin (SITE_ORIGIN): another host's request is sent there, or refused when it would
    // change something.
    const onSite = locateOnSite(url, scope.origin, requestOrigin);
    if (onSite && !PAGE_METHODS.includes(request.method))
      throw new HttpError(421, "This site answers only at its own address");
    if (onSite) return permanentRedirect(onSite);
    const isHead = request.method === "HEAD";
    // parsePath matches canonical paths only: a page without a query (most requests) is neither a
    // preview nor a redirect.
    const page = parsePath(url.pathname);
    if (!page || url.search !== "") {
      // A staged version's page through a signed link: the compliance Worker renders it, around the
      // page cache.
      if (isPreviewRequest(url)) {
        const preview = await forwardToAdmin(request, env);
        return isHead ? new Response(null, preview) : preview;
      }
      const canonical = isHead || request.method === "GET" ? canonicalLocation(url) : null;
      if (canonical) return permanentRedirect(canonical);
    }
    const routed = isHead ? new Request(request, { method: "GET" }) : request;
    // Pages, the hot path, skip the router (it would parse the URL again and try every route before
    // theirs), and leave with the Cache-Control deliverPage gave them.
    if (page) {
      const served = await servePage(routed, scope, url, page);
      if (!served) throw new HttpError(404, "Not found");
      return isHead ? new Response(null, served) : served;
    }
    const routedResponse = (await router.fetch(routed, scope)) as Response | undefined;
    if (!routedResponse) throw new HttpError(404, "Not found");
    const response = withCacheControl(url.pathname, routedResponse);
    return isHead ? new Response(null, response) : response;
  } catch (error) {
    const response = await serveErrorPage(error, request, scope);
    return request.method === "HEAD" ? new Response(null, response) : response;
  }
}

function tryHeld(request: Request, env: Env, ctx: ExecutionContext): Response | undefined {
  try {
    return serveHeldRequest(request, env, ctx);
  } catch {
    return undefined;
  }
}

/**
 * /admin/*, consent decisions, the log's public files, the feeds and previews go to the compliance
 * Worker (worker/admin/index.ts) over the ADMIN binding.
 */
function forwardToAdmin(request: Request, env: Env): Promise<Response> {
  if (!env.ADMIN)
    throw new HttpError(503, "The compliance dashboard is not deployed", {
      headers: retryAfter("admin"),
    });
  return env.ADMIN.fetch(request);
}

/** Every response leaves with an explicit Cache-Control (see cache/cache-control.ts). */
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
