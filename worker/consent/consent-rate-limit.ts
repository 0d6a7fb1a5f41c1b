// POST /consent per client, through the platform's rate-limiting binding (CONSENT_RATE_LIMIT in
// wrangler.toml): a limit no person reaches, so only a script filling the ledger meets it. Checked
// before the form is read.
import { hashClient } from "../http/client-key.ts";
import { HttpError, retryAfter } from "../http/errors.ts";
import type { ConsentSecrets } from "./read-visitor.ts";

/**
 * Throws a 429 (the localized page, the banner again, nothing recorded) once a client is over
 * the limit.
 */
export async function enforceConsentRateLimit(
  request: Request,
  env: Env & ConsentSecrets,
): Promise<void> {
  const key = await hashClient(request.headers, env.CONSENT_SECRET, "consent");
  if (key === null) return;
  const { success } = await env.CONSENT_RATE_LIMIT.limit({ key });
  if (success) return;
  throw new HttpError(429, "Too many choices from this address; try again in a minute", {
    kind: "tooManyRequests",
    headers: retryAfter("rateLimit"),
  });
}
