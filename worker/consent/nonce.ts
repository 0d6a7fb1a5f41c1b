// The per-view nonce of consent forms: issued by the server, signed, expiring, always the same
// length, so a cached page can carry a placeholder that each view overwrites in place. A post whose
// nonce verifies is allowed to be a retry of an earlier submission (see event-id.ts); any other
// post is a new decision. Signed synchronously (lib/hmac-sha256.ts, the key's pads hashed once): a
// cached page's view signs one, and WebCrypto's asynchronous sign cost more than all the rest of a
// cached hit (measured with npm run bench:profile).
import { type HmacKey, hmacSha256, hmacSha256Key } from "../../lib/hmac-sha256.ts";
import { fromBase64Url, toBase64Url, toBase64UrlAscii } from "../../lib/bytes.ts";
import { MIN_SECRET_LENGTH } from "./cookie.ts";

export { NONCE_FIELD } from "../../components/consent/NonceField.tsx";
/**
 * What the form parser accepts as a nonce field at all; only one that also verifies can make
 * a retry.
 */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/**
 * 8 random bytes, 4 bytes of issue time (seconds), 12 bytes of HMAC-SHA256: 24 bytes, 32
 * base64url characters.
 */
export const NONCE_LENGTH = 32;
/**
 * What a freshly rendered page holds where each view's nonce goes: the same length, and nothing a
 * nonce can be.
 */
export const NONCE_PLACEHOLDER = "~".repeat(NONCE_LENGTH);
/**
 * How long a page's forms can make a retry: far beyond any network retry, short enough that a
 * replay goes stale.
 */
export const NONCE_TTL_SECONDS = 6 * 60 * 60;
/** Clocks of two machines of the edge may differ a little. */
const CLOCK_SKEW_SECONDS = 60;

const RANDOM_BYTES = 8;
const TIME_BYTES = 4;
const MAC_BYTES = 12;
/**
 * Keeps nonce signatures apart from cookie signatures made with the same key (those start
 * with "1.").
 */
const DOMAIN = new TextEncoder().encode("fvm-nonce\0");
const PATTERN = /^[A-Za-z0-9_-]{32}$/;

/**
 * HMAC-SHA256 keyed with CONSENT_SECRET (the cookie's key), ready to sign: one per secret
 * and isolate.
 */
export type NonceKey = { readonly keyed: HmacKey };
const KEYS = new Map<string, NonceKey>();

/**
 * The nonce key of a CONSENT_SECRET, or null when it is too short to sign with (the cookie's key
 * refuses it too).
 */
export function nonceKey(secret: string | undefined): NonceKey | null {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return null;
  let key = KEYS.get(secret);
  if (!key) {
    if (KEYS.size >= 4) KEYS.clear();
    KEYS.set(secret, (key = { keyed: hmacSha256Key(new TextEncoder().encode(secret)) }));
  }
  return key;
}

/** A fresh nonce for one view of a page. */
export function issueNonce(key: NonceKey, now = Date.now()): string {
  return String.fromCharCode(...issueNonceBytes(key, now));
}

/**
 * A fresh nonce as the ASCII bytes a page carries, made without a string: a cached page's view
 * splices these.
 */
export function issueNonceBytes(key: NonceKey, now = Date.now()): Uint8Array {
  const bytes = new Uint8Array(RANDOM_BYTES + TIME_BYTES + MAC_BYTES);
  bytes.set(takeRandom(RANDOM_BYTES));
  new DataView(bytes.buffer).setUint32(RANDOM_BYTES, Math.floor(now / 1000));
  bytes.set(
    sign(key, bytes.subarray(0, RANDOM_BYTES + TIME_BYTES)).subarray(0, MAC_BYTES),
    RANDOM_BYTES + TIME_BYTES,
  );
  return toBase64UrlAscii(bytes);
}

/**
 * A nonce for one view; without a consent key no choice can be recorded anyway, so a filler of the
 * same length.
 */
export function issueViewNonce(key: NonceKey | null): Uint8Array {
  return key ? issueNonceBytes(key) : FILLER;
}

const FILLER = new TextEncoder().encode("0".repeat(NONCE_LENGTH));

/**
 * Random bytes drawn from the CSPRNG a few kilobytes at a time and handed out once each: one
 * getRandomValues call cost more than the HMAC of a nonce. A plain buffer, filled and read
 * synchronously: no request waits on another.
 */
const POOL = new Uint8Array(4096);
let poolAt = POOL.length;

function takeRandom(n: number): Uint8Array {
  if (poolAt + n > POOL.length) {
    crypto.getRandomValues(POOL);
    poolAt = 0;
  }
  const taken = POOL.subarray(poolAt, poolAt + n);
  poolAt += n;
  return taken;
}

export type OpenedNonce = { issuedAt: number };

/**
 * The nonce's issue time (seconds) when it is ours, intact and unexpired at `now`; otherwise null.
 */
export function openNonce(
  value: string | undefined,
  key: NonceKey,
  now = Date.now(),
): OpenedNonce | null {
  if (!value || !PATTERN.test(value)) return null;
  const bytes = fromBase64Url(value);
  if (toBase64Url(bytes) !== value) return null;
  const expected = sign(key, bytes.subarray(0, RANDOM_BYTES + TIME_BYTES)).subarray(0, MAC_BYTES);
  if (!equalBytes(expected, bytes.subarray(RANDOM_BYTES + TIME_BYTES))) return null;
  const issuedAt = new DataView(bytes.buffer).getUint32(RANDOM_BYTES);
  const seconds = Math.floor(now / 1000);
  if (issuedAt > seconds + CLOCK_SKEW_SECONDS || seconds - issuedAt > NONCE_TTL_SECONDS)
    return null;
  return { issuedAt };
}

/**
 * What is signed: the domain, then the body (random part and time), laid out in one buffer reused
 * by each call.
 */
const MESSAGE = new Uint8Array(DOMAIN.length + RANDOM_BYTES + TIME_BYTES);
MESSAGE.set(DOMAIN);

/** HMAC-SHA256 of the domain and `body`. */
function sign(key: NonceKey, body: Uint8Array): Uint8Array {
  MESSAGE.set(body, DOMAIN.length);
  return hmacSha256(key.keyed, MESSAGE);
}

/** Compares in time that does not depend on where the bytes differ. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
