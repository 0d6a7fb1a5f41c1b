// /admin: rate limit, authenticate, route, and log every call (each allowed one, refused ones
// counted) before answering.
import { Router } from "itty-router";
import { HttpError } from "../http/errors.ts";
import {
  type AccessKind,
  classifyRefusal,
  countAdminRefusal,
  logAdminAccess,
} from "./access-log.ts";
import { authenticateAdmin } from "./auth.ts";
import type { AdminContext } from "./context.ts";
import { chooseAdminLocale, languageLinks } from "./admin-locale.ts";
import { serveArchiveFile } from "./archive.ts";
import { serveDashboard } from "./dashboard.ts";
import { serveErase } from "./erase.ts";
import { serveExport } from "./export.ts";
import { enforceAdminRateLimit } from "./admin-rate-limit.ts";
import { requireSameOrigin } from "./same-origin.ts";
import { adminResponse } from "./admin-response.ts";
import { servePublicKey, serveSeal } from "./seal.ts";
import { serveRenderedTexts, serveTexts } from "./texts.ts";

const router = Router<Request & { params: Record<string, string> }, [AdminContext]>({
  base: "/admin",
})
  // itty matches "/admin" here too: send it to the one dashboard URL.
  .get("/", (_r, admin) =>
    admin.url.pathname === "/admin"
      ? adminResponse(null, { status: 308, headers: { Location: "/admin/" } })
      : serveDashboard(admin),
  )
  .get("/texts/:hash", (r, admin) => serveTexts(admin, r.params.hash ?? ""))
  .get("/texts/:hash/rendered", (r, admin) => serveRenderedTexts(admin, r.params.hash ?? ""))
  .get("/archive/:version/:file", (r, admin) =>
    serveArchiveFile(admin, decodeURIComponent(r.params.version ?? ""), r.params.file ?? ""),
  )
  .get("/api/consents", (_r, admin) => serveExport(admin))
  .get("/api/public-key", (_r, admin) => servePublicKey(admin))
  .post("/api/seal", (_r, admin) => serveSeal(admin))
  .post("/api/erase", (_r, admin) => serveErase(admin));

export async function handleAdmin(request: Request, env: Env): Promise<Response> {
  await enforceAdminRateLimit(env, request);
  const url = new URL(request.url);
  // A known caller gets a row; a refused one (nobody known) only adds to its hour's count.
  const log = (principal: AdminContext["principal"] | null, status: number, error?: unknown) =>
    principal
      ? logAdminAccess(env.LEDGER, {
          principal: principal.id,
          auth: principal.auth,
          method: request.method,
          path: url.pathname,
          query: url.search.slice(1),
          status,
          kind: status !== 401 && status !== 403 ? kindOf(request.method, url.pathname) : "refused",
        })
      : countAdminRefusal(env.LEDGER, classifyRefusal(error), status);
  let principal: AdminContext["principal"] | null = null;
  let response: Response | undefined;
  try {
    principal = await authenticateAdmin(request, env);
    if (principal.ambient) requireSameOrigin(request, url.origin);
    const { locale, t, setCookie } = chooseAdminLocale(request, url);
    response = await router.fetch(request, {
      request,
      url,
      env,
      principal,
      locale,
      t,
      languages: languageLinks(url),
    });
    if (!response) throw new HttpError(404, "Not found");
    if (setCookie) response.headers.append("Set-Cookie", setCookie);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    await log(principal, status, error).catch((e: unknown) =>
      console.error(JSON.stringify({ event: "admin_log_failed", error: String(e) })),
    );
    throw error;
  }
  // No log entry, no answer: an export that cannot be logged does not happen.
  await log(principal, response.status).catch((cause: unknown) => {
    throw new HttpError(503, "The admin access log is unavailable", { cause });
  });
  return response;
}

function kindOf(method: string, path: string): AccessKind {
  if (method === "POST") return path === "/admin/api/erase" ? "erase" : "seal";
  return path === "/admin/api/consents" ? "export" : "view";
}
