// The Merkle tree of RFC 9162 §2.1.1 without holding it: the tree's root from its leaves, and the
// compact frontier (the roots of the perfect subtrees that make up a tree of n leaves) that appends
// need. Pure.
import { EMPTY_ROOT, type Hash, hashChildren } from "./merkle-hash.ts";

/** A perfect subtree: `level` 0 is a leaf; it covers leaves [index·2^level, (index+1)·2^level). */
export type TreeNode = { level: number; index: number; hash: Hash };
export type NodeRef = Omit<TreeNode, "hash">;

/** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect aligned subtrees covering leaves [start, end), largest first. For the ranges RFC
 * 9162's recursion produces (a subtree's left part, or its right part starting at a power of two),
 * folding them from the right gives that range's MTH.
 */
export function blocksOf(start: number, end: number): NodeRef[] {
  const blocks: NodeRef[] = [];
  for (let at = start; at < end; ) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level++;
    blocks.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return blocks;
}

/**
 * The frontier's shape for a tree of `size` leaves: the perfect subtrees of its
 * binary decomposition.
 */
export function frontierOf(size: number): NodeRef[] {
  return blocksOf(0, size);
}

/** MTH of consecutive subtrees, largest first: node(b1, node(b2, … bk)). */
export async function foldBlocks(hashes: readonly Hash[]): Promise<Hash> {
  if (hashes.length === 0) return EMPTY_ROOT;
  let root = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) root = await hashChildren(hashes[i]!, root);
  return root;
}

/** The root of a tree from its frontier. */
export function rootOfFrontier(frontier: readonly TreeNode[]): Promise<Hash> {
  return foldBlocks(frontier.map((n) => n.hash));
}

/**
 * Appends leaf hashes to a tree given by its frontier. Returns the new frontier and every node
 * completed on the way (the leaves included), which is what must be stored for proofs to be
 * computed later.
 */
export async function appendToFrontier(
  frontier: readonly TreeNode[],
  leaves: readonly Hash[],
): Promise<{ frontier: TreeNode[]; nodes: TreeNode[] }> {
  const next = [...frontier];
  const nodes: TreeNode[] = [];
  let size = next.reduce((n, node) => n + 2 ** node.level, 0);
  for (const leaf of leaves) {
    let node: TreeNode = { level: 0, index: size, hash: leaf };
    nodes.push(node);
    // Two perfect subtrees of the same size side by side become one, one level up.
    while (next.length > 0 && next[next.length - 1]!.level === node.level) {
      const left = next.pop()!;
      node = {
        level: node.level + 1,
        index: left.index / 2,
        hash: await hashChildren(left.hash, node.hash),
      };
      nodes.push(node);
    }
    next.push(node);
    size++;
  }
  return { frontier: next, nodes };
}

/** MTH of a list of leaf hashes, level by level (each level's pairs hashed concurrently). */
export async function rootOfLeaves(leaves: readonly Hash[]): Promise<Hash> {
  if (leaves.length === 0) return EMPTY_ROOT;
  let level = leaves;
  while (level.length > 1) {
    const pairs = Math.floor(level.length / 2);
    const up = await Promise.all(
      Array.from({ length: pairs }, (_, i) => hashChildren(level[2 * i]!, level[2 * i + 1]!)),
    );
    // An odd node at the end of a level is carried up unchanged: that is RFC 9162's split at the
    // largest power of two.
    if (level.length % 2 === 1) up.push(level[level.length - 1]!);
    level = up;
  }
  return level[0]!;
}
