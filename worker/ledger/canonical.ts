// The canonical forms that hashes and signatures cover. Pure: the Worker and the offline verifier share them.
import type { Checkpoint, RecordBody } from "./record.ts";

/** The `prevHash` of the very first record. */
export const GENESIS_HASH = "0".repeat(64);
/** Bumped if the canonical form ever changes; it is part of every hashed text. */
export const CANONICAL_VERSION = 1;

/**
 * A record's canonical JSON: fixed key order, sorted categories and signals, no whitespace.
 * Writing the object field by field (not spreading the input) keeps the order independent of how the record was built.
 */
export function canonicalRecord(r: RecordBody): string {
  return JSON.stringify({
    v: CANONICAL_VERSION,
    seq: r.seq,
    recordedAt: r.recordedAt,
    eventId: r.eventId,
    consentId: r.consentId,
    action: r.action,
    method: r.method,
    signals: [...r.signals].sort(),
    categories: sortedCategories(r.categories),
    locale: r.locale,
    policyVersion: r.policyVersion,
    textsHash: r.textsHash,
  });
}

/** A record's hash: SHA-256 (hex) of the previous hash, a newline, and the record's canonical JSON. */
export function hashRecord(prevHash: string, record: RecordBody): Promise<string> {
  return sha256Hex(`${prevHash}\n${canonicalRecord(record)}`);
}

/** The text a checkpoint's Ed25519 signature covers. */
export function canonicalCheckpoint(c: Omit<Checkpoint, "signature">): string {
  return JSON.stringify({ v: CANONICAL_VERSION, type: "checkpoint", seq: c.seq, headHash: c.headHash, signedAt: c.signedAt, keyId: c.keyId });
}

export function sortedCategories(categories: Record<string, boolean>): Record<string, boolean> {
  return Object.fromEntries(Object.keys(categories).sort().map((k) => [k, categories[k] === true]));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest));
}

export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}
