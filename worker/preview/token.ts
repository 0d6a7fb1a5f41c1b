// The preview token: which staged version an editor may see, until when, signed with PREVIEW_SECRET
// (HMAC-SHA256). `<version>.<expires, unix seconds>.<base64url signature>`, carried as `?preview=`.
// The publishing tools sign it with node:crypto (scripts/lib/preview-link.ts), the Worker checks it
// here with WebCrypto: both sign `signedText`.
import { fromBase64Url } from "../../lib/bytes.ts";

/** The query parameter that asks for a preview. */
export const PREVIEW_PARAM = "preview";

/** A secret shorter than this is treated as absent: no token verifies. */
export const MIN_PREVIEW_SECRET_LENGTH = 32;

/**
 * Version ids are 12 hex digits (content/build.ts); the rest is bounded so nothing unbounded
 * is hashed.
 */
const TOKEN = /^([0-9a-f]{6,64})\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{43})$/;

/**
 * What the signature covers: a label (so no other HMAC of the secret can pass for one), the
 * version, the expiry.
 */
export function signedText(version: string, expiresAt: number): string {
  return `fvm-preview.1.${version}.${expiresAt}`;
}

export type OpenedToken =
  | { ok: true; version: string; expiresAt: number }
  | { ok: false; problem: "invalid" | "expired" };

/**
 * The version a token names, if its signature holds and it has not expired. A token that does not
 * verify is "invalid" whatever its date: an expiry is only believed once signed.
 */
export async function openPreviewToken(
  token: string,
  secret: string | undefined,
  nowSeconds: number,
): Promise<OpenedToken> {
  const match = TOKEN.exec(token);
  if (!match || !secret || secret.length < MIN_PREVIEW_SECRET_LENGTH)
    return { ok: false, problem: "invalid" };
  const [, version = "", expires = "", signature = ""] = match;
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  // verify() compares in constant time.
  const valid = await crypto.subtle.verify(
    "HMAC",
    key,
    fromBase64Url(signature),
    encoder.encode(signedText(version, Number(expires))),
  );
  if (!valid) return { ok: false, problem: "invalid" };
  if (Number(expires) <= nowSeconds) return { ok: false, problem: "expired" };
  return { ok: true, version, expiresAt: Number(expires) };
}
