// The canonical forms that leaf hashes and signatures cover. Pure: the Worker and the offline
// verifier share them.
import { hashLeaf } from "./merkle-hash.ts";
import type { RecordBody, TreeHead } from "./record-types.ts";

/**
 * Bumped if a canonical form ever changes; it is part of every hashed and signed text. v1 was the
 * hash chain.
 */
export const CANONICAL_VERSION = 2;

/**
 * A record's canonical JSON: fixed key order, sorted categories and signals, no whitespace. Writing
 * the object field by field (not spreading the input) keeps the order independent of how the record
 * was built. `shownHash` (D24) comes last and only when the record has one: records written before
 * it keep their leaf hash.
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
    ...(r.shownHash === undefined ? {} : { shownHash: r.shownHash }),
  });
}

/** A record's Merkle leaf hash: SHA-256(0x00 ‖ UTF-8 of its canonical JSON). */
export function leafHashOf(record: RecordBody): Promise<string> {
  return hashLeaf(canonicalRecord(record));
}

/** The text a tree head's Ed25519 signature covers. */
export function canonicalTreeHead(h: Omit<TreeHead, "signature">): string {
  return JSON.stringify({
    v: CANONICAL_VERSION,
    type: "tree_head",
    size: h.size,
    root: h.root,
    timestamp: h.timestamp,
    keyId: h.keyId,
  });
}

export function sortedCategories(categories: Record<string, boolean>): Record<string, boolean> {
  return Object.fromEntries(
    Object.keys(categories)
      .sort()
      .map((k) => [k, categories[k] === true]),
  );
}
