// Inclusion and consistency proofs of RFC 9162 §2.1.3–2.1.4, as the leaf ranges whose MTH each
// proof node is; the caller fetches the stored perfect subtrees that make up those ranges. Pure.
import type { Hash } from "./merkle-hash.ts";
import { type NodeRef, blocksOf, foldBlocks, splitPoint } from "./merkle-tree.ts";

/** Leaves [start, end). */
export type LeafRange = { start: number; end: number };

/**
 * PATH(m, D[n]): the ranges whose MTHs form leaf m's audit path in a tree of n leaves, leaf
 * side first.
 */
export function inclusionRanges(m: number, n: number): LeafRange[] {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 0 && m < n))
    throw new RangeError(`no leaf ${m} in a tree of ${n}`);
  const path: LeafRange[] = [];
  for (let start = 0, size = n, at = m; size > 1; ) {
    const k = splitPoint(size);
    if (at < k) {
      path.push({ start: start + k, end: start + size });
      size = k;
    } else {
      path.push({ start, end: start + k });
      start += k;
      at -= k;
      size -= k;
    }
  }
  return path.reverse();
}

/**
 * PROOF(m, D[n]): the ranges of a consistency proof from a tree of m leaves to one of n (0 < m
 * ≤ n).
 */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && m <= n))
    throw new RangeError(`no consistency proof from ${m} to ${n}`);
  const proof: LeafRange[] = [];
  let start = 0;
  let size = n;
  let first = m;
  let whole = true;
  while (first !== size) {
    const k = splitPoint(size);
    if (first <= k) {
      proof.push({ start: start + k, end: start + size });
      size = k;
    } else {
      proof.push({ start, end: start + k });
      start += k;
      first -= k;
      size -= k;
      whole = false;
    }
  }
  // SUBPROOF(m, D[m], false) = [MTH(D[m])]; with b = true (m is the whole old tree) the verifier
  // knows it already.
  if (!whole) proof.push({ start, end: start + size });
  return proof.reverse();
}

/** Every stored node (perfect subtree) those ranges are made of, each once. */
export function nodesOfRanges(ranges: readonly LeafRange[]): NodeRef[] {
  const seen = new Map<string, NodeRef>();
  for (const r of ranges)
    for (const b of blocksOf(r.start, r.end)) seen.set(`${b.level}:${b.index}`, b);
  return [...seen.values()];
}

export type NodeLookup = (level: number, index: number) => Hash | undefined;

/**
 * The proof's hashes from the ranges and a lookup of stored nodes; throws when a node is missing.
 */
export function hashRanges(ranges: readonly LeafRange[], lookup: NodeLookup): Promise<Hash[]> {
  return Promise.all(
    ranges.map((r) =>
      foldBlocks(
        blocksOf(r.start, r.end).map((b) => {
          const hash = lookup(b.level, b.index);
          if (!hash) throw new Error(`tree node ${b.level}:${b.index} is not stored`);
          return hash;
        }),
      ),
    ),
  );
}
