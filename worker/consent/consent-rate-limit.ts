// POST /consent per client, through the platform's rate-limiting binding (CONSENT_RATE_LIMIT in wrangler.toml):
// a limit no person reaches, so only a script filling the ledger meets it. Checked before the form is read.
import { hashClient } from "../http/client-key.ts";
import { HttpError } from "../http/errors.ts";
import type { ConsentSecrets } from "./read-visitor.ts";

/** The binding's period: a client over the limit is counted afresh within this many seconds. */
export const CONSENT_RETRY_SECONDS = 60;

/** Throws a 429 (the localized page, the banner again, nothing recorded) once a client is over the limit. */
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
    headers: { "Retry-After": String(CONSENT_RETRY_SECONDS) },
  });
}
