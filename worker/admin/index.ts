// The compliance Worker's entry: /admin and its API, visitors' consent decisions (POST /consent)
// and the log's public files (its signed head, a visitor's receipt), the feeds, editors' previews
// of staged versions and the hourly cron, in a Worker of its own so that none of it (dashboard,
// exports, proofs, zod) loads for a page view. The site's Worker forwards those paths to it over a
// service binding (ADMIN), after the method and canonical-URL checks every request gets. The log's
// one writer, the ConsentLog Durable Object, is defined here too; the site's Worker reaches it
// through its CONSENT_LOG binding (script_name) to record a decision.
import { HttpError } from "../http/errors.ts";
import { resolveSiteOrigin } from "../http/canonical-url.ts";
import { serveLogHead, serveReceipt } from "../ledger/log-routes.ts";
import { handleScheduled } from "../ledger/scheduled.ts";
import { createContentStore, readPointerTtl } from "../content/store.ts";
import { isPreviewRequest, servePreview } from "../preview/serve-preview.ts";
import { serveFeed } from "../pages/feed.ts";
import { handleConsentPost } from "../consent/handle-consent-post.ts";
import { serveErrorPage } from "../pages/error-page.ts";
import { adminResponse } from "./admin-response.ts";

export { ConsentLog } from "../ledger/consent-log.ts";
import { handleAdmin } from "./routes.ts";

/** `/it/feed.xml`, `/en/feed.xml` (worker/pages/feed.ts). */
const FEED_PATH = /^\/([^/]+)\/feed\.xml$/;

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const store = createContentStore(env.CONTENT, { pointerTtlSeconds: readPointerTtl(env) });
    const origin = resolveSiteOrigin(env, url.origin);
    const scope = { env, ctx, store, origin };
    if (isPreviewRequest(url)) return servePreview(request, scope);
    // A visitor's decision: its refusals are the site's localized pages, with the banner to
    // ask again.
    if (url.pathname === "/consent" && request.method === "POST")
      return handleConsentPost(request, scope).catch((error: unknown) =>
        serveErrorPage(error, request, scope),
      );
    try {
      const feed = FEED_PATH.exec(url.pathname);
      if (feed)
        return (
          (await serveFeed(feed[1]!, store, origin)) ??
          adminResponse("Not found\n", {
            status: 404,
            headers: { "Content-Type": "text/plain; charset=utf-8" },
          })
        );
      if (url.pathname === "/consent/log/head") return await serveLogHead(env);
      if (url.pathname === "/consent/receipt")
        return await serveReceipt(request, env, resolveSiteOrigin(env, url.origin));
      return await handleAdmin(request, env);
    } catch (error) {
      return respondToAdminError(error, request);
    }
  },
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;

/**
 * JSON for the API, plain text for the dashboard: the safe message says what was wrong (a DPO reads
 * it, not a visitor).
 */
function respondToAdminError(error: unknown, request: Request): Response {
  const httpError =
    error instanceof HttpError ? error : new HttpError(500, "Internal error", { cause: error });
  if (httpError.status >= 500) {
    const cause = httpError.cause ?? error;
    console.error(
      JSON.stringify({
        event: "admin_request_failed",
        status: httpError.status,
        url: request.url,
        error: cause instanceof Error ? cause.message : String(cause),
      }),
    );
  }
  const api = new URL(request.url).pathname.startsWith("/admin/api/");
  const body = api
    ? JSON.stringify({ error: httpError.message, status: httpError.status })
    : `${httpError.status} ${httpError.message}\n`;
  const type = api ? "application/json" : "text/plain; charset=utf-8";
  return adminResponse(body, {
    status: httpError.status,
    headers: { ...httpError.headers, "Content-Type": type },
  });
}
