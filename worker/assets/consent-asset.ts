// The consent script as a fingerprinted, immutable asset: `/assets/consent.<hash>.js`.
import { CACHE_CONTROL } from "../cache/cache-control.ts";
import { applySecurityHeaders } from "../http/security-headers.ts";
import { sha256Hex } from "../../lib/bytes.ts";
import { CONSENT_SCRIPT } from "./consent-script.ts";

/** Resolved once per isolate (never a promise another request awaits). */
let path: string | undefined;

/**
 * The script's URL path; its name changes whenever its bytes do, so it can be cached for a year.
 */
export async function fingerprintConsentScript(): Promise<string> {
  path ??= `/assets/consent.${(await sha256Hex(CONSENT_SCRIPT)).slice(0, 10)}.js`;
  return path;
}

/** The asset at `pathname`, or nothing (a 404) for any other name, old fingerprints included. */
export async function serveAsset(pathname: string): Promise<Response | undefined> {
  if (pathname !== (await fingerprintConsentScript())) return undefined;
  const response = new Response(CONSENT_SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": CACHE_CONTROL.asset,
    },
  });
  applySecurityHeaders(response.headers);
  return response;
}
