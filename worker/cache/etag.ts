// Entity tags for pages. What a page says is a function of the consent-neutral body and the visitor's consent
// state, so the tag is a hash of each, and the same for every visitor in the same state.

import { toBase64Url } from "../ledger/base64url.ts";

/** A short base64url SHA-256 of some bytes or text. */
export async function digestTag(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return toBase64Url(digest.subarray(0, 16));
}

/**
 * `W/"body"` for the consent-neutral page, `W/"body.variant"` once the consent step changed it. Weak, because the
 * final bytes also carry a per-view nonce in each consent form (worker/consent/event-id.ts): pages with the same
 * tag are equivalent, not byte-identical.
 */
export async function composeEtag(bodyTag: string, variant: string): Promise<string> {
  return variant ? `W/"${bodyTag}.${await digestTag(variant)}"` : `W/"${bodyTag}"`;
}

/** The body tag inside an ETag this module made, or null. */
export function bodyTagOf(etag: string | null): string | null {
  return /^"([\w-]+)"$/.exec(etag ?? "")?.[1] ?? null;
}

/**
 * Whether `If-None-Match` names this tag. Weak comparison (RFC 9110 §13.1.2), because an edge that compresses
 * the page may have turned our strong tag into a weak one.
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
