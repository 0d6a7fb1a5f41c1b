// Admin calls per client address, through the platform's rate limiting binding (counted per Cloudflare location).
import { HttpError } from "../http/errors.ts";

export const RATE_LIMIT_RETRY_SECONDS = 60;

/** Throws 429 once a client has used up its admin requests for the period. */
export async function enforceAdminRateLimit(env: Env, request: Request): Promise<void> {
  const client = request.headers.get("CF-Connecting-IP") ?? "unknown";
  const { success } = await env.ADMIN_RATE_LIMIT.limit({ key: `admin:${client}` });
  if (!success) throw new HttpError(429, "Too many requests", { headers: { "Retry-After": String(RATE_LIMIT_RETRY_SECONDS) } });
}
