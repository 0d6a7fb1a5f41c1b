// Admin calls per client, through the platform's rate limiting binding (counted per
// Cloudflare location).
import { hashClient } from "../http/client-key.ts";
import { HttpError, retryAfter } from "../http/errors.ts";
import type { ConsentSecrets } from "../consent/read-visitor.ts";

/**
 * Throws 429 once a client has used up its admin requests for the period; the client is a keyed
 * hash, never its address.
 */
export async function enforceAdminRateLimit(
  env: Env & ConsentSecrets,
  request: Request,
): Promise<void> {
  const client =
    (await hashClient(request.headers, env.CONSENT_SECRET, "admin")) ?? "admin:unknown";
  const { success } = await env.ADMIN_RATE_LIMIT.limit({ key: client });
  if (!success)
    throw new HttpError(429, "Too many requests", {
      headers: retryAfter("rateLimit"),
    });
}
