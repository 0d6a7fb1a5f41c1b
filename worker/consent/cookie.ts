// The consent cookie: its name, its signed value and the Set-Cookie lines. HMAC-SHA256 over the
// encoded choice.
import { fromBase64Url, toBase64Url } from "../../lib/bytes.ts";
import {
  type Choice,
  CHOICE_MAX_AGE_SECONDS,
  decodeChoice,
  encodeChoice,
} from "./choice-encoding.ts";

/**
 * `__Host-` binds the cookie to this exact host over HTTPS; local development runs without
 * the prefix.
 */
export function nameConsentCookie(environment: string | undefined): string {
  return environment === "production" ? "__Host-fvm_consent" : "fvm_consent";
}

/** A secret shorter than this is a configuration mistake, not a key. */
export const MIN_SECRET_LENGTH = 32;
const MAX_VALUE_LENGTH = 512;
/**
 * Cloudflare lets 128 KB of request headers through; any Cookie header that reaches the Worker is
 * read whole.
 */
export const MAX_COOKIE_HEADER = 128 * 1024;
/**
 * A browser keeps at most 180 cookies per domain (Chrome; others fewer): more names are not
 * a browser's.
 */
const MAX_COOKIE_NAMES = 180;
const MAX_NAME_LENGTH = 256;
/**
 * What `sealChoice` writes, checked cheaply before any crypto: other values of the name cannot
 * crowd it out.
 */
const SEALED = /^1\.[0-9a-f-]{36}\.[0-9a-f]{12}\.[a-z0-9-]*\.[1-9][0-9]{0,10}\.[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const encoder = new TextEncoder();

/**
 * Imported keys, by secret: resolved values only, so no request ever awaits another request's work.
 */
const keys = new Map<string, CryptoKey>();

/** The key of a secret when this isolate imported it already, without waiting; else undefined. */
export function heldConsentKey(secret: string): CryptoKey | undefined {
  return keys.get(secret);
}

/**
 * The HMAC key for a secret, imported once per isolate. Throws at once for a secret too short to be
 * a key.
 */
export function importConsentKey(secret: string): Promise<CryptoKey> {
  const kept = keys.get(secret);
  if (kept) return Promise.resolve(kept);
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`CONSENT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  return crypto.subtle
    .importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ])
    .then((key) => (keys.set(secret, key), key));
}

/** The cookie value: the encoded choice and its signature, `<payload>.<base64url HMAC>`. */
export async function sealChoice(choice: Choice, key: CryptoKey): Promise<string> {
  const payload = encodeChoice(choice);
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(payload));
  return `${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/**
 * The choice in a cookie value, or null unless it is well formed and signed with `key` (compared in
 * constant time).
 */
export async function openChoice(value: string, key: CryptoKey): Promise<Choice | null> {
  if (value.length > MAX_VALUE_LENGTH) return null;
  const cut = value.lastIndexOf(".");
  const payload = value.slice(0, cut);
  const signature = value.slice(cut + 1);
  if (cut < 0 || !SIGNATURE.test(signature)) return null;
  const choice = decodeChoice(payload);
  if (!choice) return null;
  const bytes = fromBase64Url(signature);
  // Base64 has several spellings of the same bytes; only ours counts, so no edited cookie
  // ever verifies.
  if (toBase64Url(bytes) !== signature) return null;
  const valid = await crypto.subtle.verify("HMAC", key, bytes, encoder.encode(payload));
  return valid ? choice : null;
}

/**
 * The values the Cookie header gives the consent cookie `name` that are shaped like a sealed
 * choice, each once (a browser may send several: other paths, a parent domain's). Junk under the
 * name, or any number of other cookies, cannot hide the real one.
 */
export function readCookieValues(header: string | null, name: string): string[] {
  if (!header || header.length > MAX_COOKIE_HEADER) return [];
  const values = new Set<string>();
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (value.length <= MAX_VALUE_LENGTH && SEALED.test(value)) values.add(value);
  }
  return [...values];
}

/**
 * The distinct names in a Cookie header, for deleting optional cookies after a withdrawal (bounded,
 * as a browser's jar is).
 */
export function readCookieNames(header: string | null): string[] {
  if (!header || header.length > MAX_COOKIE_HEADER) return [];
  const names = new Set<string>();
  for (const pair of header.split(";")) {
    const name = pair.split("=", 1)[0]?.trim() ?? "";
    if (name.length <= MAX_NAME_LENGTH && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      names.add(name);
    if (names.size === MAX_COOKIE_NAMES) break;
  }
  return [...names];
}

/** The Set-Cookie line of the choice: HttpOnly, Secure, SameSite=Lax, Path=/, six months. */
export function serializeChoiceCookie(name: string, value: string): string {
  return `${name}=${value}; Max-Age=${CHOICE_MAX_AGE_SECONDS}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

/** A Set-Cookie line that deletes a cookie this host set (host-only, Path=/). */
export function serializeExpiredCookie(name: string): string {
  return `${name}=; Max-Age=0; Path=/; Secure; SameSite=Lax`;
}
