// The compliance Worker's entry: /admin and its API, in a Worker of its own so that none of it (the dashboard, the
// exports, zod) is loaded for a visitor's request. The site's Worker forwards /admin/* to it over a service
// binding (ADMIN), after the method and canonical-URL checks every request gets.
import { HttpError } from "../http/errors.ts";
import { adminResponse } from "./respond.ts";
import { handleAdmin } from "./routes.ts";

export default {
  async fetch(request, env) {
    try {
      return await handleAdmin(request, env);
    } catch (error) {
      return respondToAdminError(error, request);
    }
  },
} satisfies ExportedHandler<Env>;

/** JSON for the API, plain text for the dashboard: the safe message says what was wrong (a DPO reads it, not a visitor). */
function respondToAdminError(error: unknown, request: Request): Response {
  const httpError = error instanceof HttpError ? error : new HttpError(500, "Internal error", { cause: error });
  if (httpError.status >= 500) {
    const cause = httpError.cause ?? error;
    console.error(JSON.stringify({ event: "admin_request_failed", status: httpError.status, url: request.url, error: cause instanceof Error ? cause.message : String(cause) }));
  }
  const api = new URL(request.url).pathname.startsWith("/admin/api/");
  const body = api ? JSON.stringify({ error: httpError.message, status: httpError.status }) : `${httpError.status} ${httpError.message}\n`;
  const type = api ? "application/json" : "text/plain; charset=utf-8";
  return adminResponse(body, { status: httpError.status, headers: { ...httpError.headers, "Content-Type": type } });
}
