// Generic hashing and encoding of bytes: SHA-256, hex, base64 and base64url. Pure but for the Web
// Crypto digest, and free of imports, so the Worker, the content model and the Node scripts share
// one copy.

const encoder = new TextEncoder();

/** The bytes a text or byte array stands for: UTF-8 for a text. */
function bytesOf(data: string | Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return typeof data === "string" ? encoder.encode(data) : data;
}

/** SHA-256 of some bytes, or of a text's UTF-8. */
export async function sha256(
  data: string | Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytesOf(data)));
}

/** SHA-256 as 64 lowercase hex digits. */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await sha256(data));
}

/** Lowercase hex, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

/**
 * Standard base64 with padding (in chunks, so a large file does not overflow the argument list).
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Decodes standard base64; throws (as `atob` does) on anything else. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** base64url without padding, as JWKs and signatures use it. */
export function toBase64Url(bytes: Uint8Array): string {
  // Short inputs (digests, nonces, signatures) are written directly: btoa and three replacements
  // cost more than the encoding itself. Long ones go through btoa in chunks.
  if (bytes.length <= 3072) return String.fromCharCode(...toBase64UrlAscii(bytes));
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const BASE64URL = encoder.encode(
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
);

/** base64url without padding as ASCII bytes, for splicing into bytes without making a string. */
export function toBase64UrlAscii(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n =
      (bytes[i]! << 16) | ((rest > 1 ? bytes[i + 1]! : 0) << 8) | (rest > 2 ? bytes[i + 2]! : 0);
    out[o++] = BASE64URL[n >>> 18]!;
    out[o++] = BASE64URL[(n >>> 12) & 63]!;
    if (rest > 1) out[o++] = BASE64URL[(n >>> 6) & 63]!;
    if (rest > 2) out[o++] = BASE64URL[n & 63]!;
  }
  return out;
}

/** Decodes base64url (padding optional); throws on anything else. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new Error("not base64url");
  return fromBase64(text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/"));
}
