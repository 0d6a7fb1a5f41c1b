// The preview token as the publishing tools sign it, with node:crypto; the Worker checks it with
// WebCrypto (worker/preview/token.ts, which defines what is signed).
import { createHmac } from "node:crypto";
import { signedText } from "../../worker/preview/token.ts";

/** How long a preview link works unless --expires-hours says otherwise. */
export const DEFAULT_PREVIEW_HOURS = 48;
/**
 * The longest a link may work: a month; a staged version to show for longer should be staged again.
 */
export const MAX_PREVIEW_HOURS = 720;

/**
 * `<version>.<expires>.<signature>`: HMAC-SHA256 with the secret over the version and the expiry
 * (unix seconds).
 */
export function signPreviewToken(secret: string, version: string, expiresAt: number): string {
  const signature = createHmac("sha256", secret)
    .update(signedText(version, expiresAt))
    .digest("base64url");
  return `${version}.${expiresAt}.${signature}`;
}
