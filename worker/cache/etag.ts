// Entity tags for pages: a strong tag of the bytes one consent state receives, and the
// If-None-Match test. Pure but for the digest.
import { sha256, toBase64Url } from "../../lib/bytes.ts";

/** A short base64url SHA-256 of some bytes or text. */
export async function digestTag(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64Url((await sha256(data)).subarray(0, 16));
}

/**
 * The ETag of a page as a consent state receives it: the hash of its bytes, with each per-view
 * nonce still the placeholder (a nonce only makes a retried form one record; it never changes
 * what the page says). The state's bytes include the banner or its absence, the embeds and the
 * policy's texts, so a visitor in another state, or the same visitor after a policy change, never
 * matches it.
 */
export async function pageEtag(template: Uint8Array<ArrayBuffer>): Promise<string> {
  return `"${await digestTag(template)}"`;
}

/**
 * Whether `If-None-Match` names this tag. Weak comparison (RFC 9110 §13.1.2), because an edge that
 * compresses the page may have turned our strong tag into a weak one.
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
