// RFC 9162's Merkle tree written out recursively as the RFC states it (MTH, PATH, SUBPROOF), and
// the test vectors of Certificate Transparency: what the log's incremental code is checked against.
import fc from "fast-check";
import { EMPTY_ROOT, type Hash, hashChildren, hashLeaf } from "../../worker/ledger/merkle-hash.ts";
import { type LeafRange, hashRanges } from "../../worker/ledger/merkle-proof.ts";
import { appendToFrontier, splitPoint } from "../../worker/ledger/merkle-tree.ts";

/** MTH(D[n]) exactly as RFC 9162 §2.1.1 defines it. */
export async function mth(leaves: readonly Hash[]): Promise<Hash> {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return hashChildren(await mth(leaves.slice(0, k)), await mth(leaves.slice(k)));
}

/** PATH(m, D[n]) as §2.1.3.1 defines it. */
export async function path(m: number, leaves: readonly Hash[]): Promise<Hash[]> {
  if (leaves.length <= 1) return [];
  const k = splitPoint(leaves.length);
  return m < k
    ? [...(await path(m, leaves.slice(0, k))), await mth(leaves.slice(k))]
    : [...(await path(m - k, leaves.slice(k))), await mth(leaves.slice(0, k))];
}

/** SUBPROOF(m, D[n], b) as §2.1.4.1 defines it. */
export async function subproof(m: number, leaves: readonly Hash[], b: boolean): Promise<Hash[]> {
  if (m === leaves.length) return b ? [] : [await mth(leaves)];
  const k = splitPoint(leaves.length);
  return m <= k
    ? [...(await subproof(m, leaves.slice(0, k), b)), await mth(leaves.slice(k))]
    : [...(await subproof(m - k, leaves.slice(k), false)), await mth(leaves.slice(0, k))];
}

/** Every perfect subtree of a tree, as the log stores them. */
export async function storedNodes(leaves: readonly Hash[]): Promise<Map<string, Hash>> {
  const { nodes } = await appendToFrontier([], leaves);
  return new Map(nodes.map((n) => [`${n.level}:${n.index}`, n.hash]));
}

export const proofOf = async (ranges: LeafRange[], leaves: readonly Hash[]) => {
  const stored = await storedNodes(leaves);
  return hashRanges(ranges, (level, index) => stored.get(`${level}:${index}`));
};

export const leafList = (min: number, max: number) =>
  // Each leaf's data starts with its index: equal leaves would make "another index" a
  // true statement.
  fc
    .array(fc.uint8Array({ maxLength: 12 }), { minLength: min, maxLength: max })
    .map((datas) => Promise.all(datas.map((d, i) => hashLeaf(new Uint8Array([i, ...d])))));

// Certificate Transparency's reference inputs and the roots of their first 1..8 leaves (the RFC
// 6962 test data of the CT reference implementation). No installed npm package ships them; the
// RFC's recursive definition above yields the same roots, which is what this test checks.
export const CT_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
];
export const CT_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
export const bytes = (hex: string) =>
  Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
