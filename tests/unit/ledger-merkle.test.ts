// The Merkle tree against RFC 9162's own definitions: MTH, PATH and PROOF written out recursively here, as the
// RFC states them, versus the incremental code the log runs; plus the test vectors of Certificate Transparency.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPTY_ROOT, type Hash, hashChildren, hashLeaf } from "../../worker/ledger/merkle-hash.ts";
import {
  type LeafRange,
  consistencyRanges,
  hashRanges,
  inclusionRanges,
  nodesOfRanges,
} from "../../worker/ledger/merkle-proof.ts";
import {
  appendToFrontier,
  frontierOf,
  rootOfFrontier,
  rootOfLeaves,
  splitPoint,
  type TreeNode,
} from "../../worker/ledger/merkle-tree.ts";
import { verifyConsistency, verifyInclusion } from "../../worker/ledger/merkle-verify.ts";

/** MTH(D[n]) exactly as RFC 9162 §2.1.1 defines it. */
async function mth(leaves: readonly Hash[]): Promise<Hash> {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return hashChildren(await mth(leaves.slice(0, k)), await mth(leaves.slice(k)));
}

/** PATH(m, D[n]) as §2.1.3.1 defines it. */
async function path(m: number, leaves: readonly Hash[]): Promise<Hash[]> {
  if (leaves.length <= 1) return [];
  const k = splitPoint(leaves.length);
  return m < k
    ? [...(await path(m, leaves.slice(0, k))), await mth(leaves.slice(k))]
    : [...(await path(m - k, leaves.slice(k))), await mth(leaves.slice(0, k))];
}

/** SUBPROOF(m, D[n], b) as §2.1.4.1 defines it. */
async function subproof(m: number, leaves: readonly Hash[], b: boolean): Promise<Hash[]> {
  if (m === leaves.length) return b ? [] : [await mth(leaves)];
  const k = splitPoint(leaves.length);
  return m <= k
    ? [...(await subproof(m, leaves.slice(0, k), b)), await mth(leaves.slice(k))]
    : [...(await subproof(m - k, leaves.slice(k), false)), await mth(leaves.slice(0, k))];
}

/** Every perfect subtree of a tree, as the log stores them. */
async function storedNodes(leaves: readonly Hash[]): Promise<Map<string, Hash>> {
  const { nodes } = await appendToFrontier([], leaves);
  return new Map(nodes.map((n) => [`${n.level}:${n.index}`, n.hash]));
}

const proofOf = async (ranges: LeafRange[], leaves: readonly Hash[]) => {
  const stored = await storedNodes(leaves);
  return hashRanges(ranges, (level, index) => stored.get(`${level}:${index}`));
};

const leafList = (min: number, max: number) =>
  // Each leaf's data starts with its index: equal leaves would make "another index" a true statement.
  fc
    .array(fc.uint8Array({ maxLength: 12 }), { minLength: min, maxLength: max })
    .map((datas) => Promise.all(datas.map((d, i) => hashLeaf(new Uint8Array([i, ...d])))));

// Certificate Transparency's reference inputs and the roots of their first 1..8 leaves (the RFC 6962 test data
// of the CT reference implementation). No installed npm package ships them; the RFC's recursive definition
// above yields the same roots, which is what this test checks.
const CT_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
];
const CT_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const bytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

describe("hashes", () => {
  it("domain-separate leaves (0x00) from nodes (0x01), with the empty tree as SHA-256 of nothing", async () => {
    expect(EMPTY_ROOT).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await hashLeaf("")).toBe(CT_ROOTS[0]);
    const [a, b] = [await hashLeaf("a"), await hashLeaf("b")];
    const sha = async (hex: string) =>
      [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes(hex)))]
        .map((x) => x.toString(16).padStart(2, "0"))
        .join("");
    expect(await hashChildren(a, b)).toBe(await sha(`01${a}${b}`));
    expect(await hashLeaf(bytes("61"))).toBe(await sha("0061"));
    // The same 64 bytes as a leaf and as a node's children hash differently: no second preimage across levels.
    expect(await hashLeaf(bytes(`${a}${b}`))).not.toBe(await hashChildren(a, b));
    await expect(hashChildren("zz", b)).rejects.toThrow(/not a SHA-256/);
  });

  it("give Certificate Transparency's roots for its test leaves", async () => {
    const leaves = await Promise.all(CT_LEAVES.map((h) => hashLeaf(bytes(h))));
    for (let n = 1; n <= 8; n++) {
      expect(await rootOfLeaves(leaves.slice(0, n)), `size ${n}`).toBe(CT_ROOTS[n - 1]);
      expect(await mth(leaves.slice(0, n))).toBe(CT_ROOTS[n - 1]);
    }
  });
});

describe("the tree the log keeps equals RFC 9162's MTH", () => {
  it("level by level, for any number of leaves", async () => {
    await fc.assert(
      fc.asyncProperty(leafList(0, 70), async (p) => {
        const leaves = await p;
        expect(await rootOfLeaves(leaves)).toBe(await mth(leaves));
      }),
      { numRuns: 60 },
    );
  });

  it("appended in batches of any size through the frontier, which keeps exactly the binary decomposition", async () => {
    await fc.assert(
      fc.asyncProperty(
        leafList(1, 70),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }),
        async (p, cuts) => {
          const leaves = await p;
          let frontier: TreeNode[] = [];
          let size = 0;
          for (let c = 0; size < leaves.length; c++) {
            const next = Math.min(leaves.length, size + cuts[c % cuts.length]!);
            frontier = (await appendToFrontier(frontier, leaves.slice(size, next))).frontier;
            size = next;
            expect(frontier.map(({ level, index }) => ({ level, index }))).toEqual(
              frontierOf(size),
            );
            expect(await rootOfFrontier(frontier)).toBe(await mth(leaves.slice(0, size)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("inclusion proofs", () => {
  it("are PATH(m, D[n]) and verify; any other leaf, index, root or a shortened path fails", async () => {
    await fc.assert(
      fc.asyncProperty(leafList(1, 40), fc.nat(), async (p, pick) => {
        const leaves = await p;
        const n = leaves.length;
        const m = pick % n;
        const proof = await proofOf(inclusionRanges(m, n), leaves);
        expect(proof).toEqual(await path(m, leaves));
        const root = await mth(leaves);
        expect(await verifyInclusion(m, n, leaves[m]!, proof, root)).toBe(true);
        expect(await verifyInclusion(m, n, await hashLeaf("forged"), proof, root)).toBe(false);
        expect(await verifyInclusion(m, n, leaves[m]!, proof, await hashLeaf("other root"))).toBe(
          false,
        );
        if (n > 1) {
          expect(await verifyInclusion((m + 1) % n, n, leaves[m]!, proof, root)).toBe(false);
          expect(await verifyInclusion(m, n, leaves[m]!, proof.slice(1), root)).toBe(false);
        }
        expect(await verifyInclusion(n, n, leaves[m]!, proof, root)).toBe(false);
      }),
      { numRuns: 80 },
    );
  });

  it("need only the stored perfect subtrees", () => {
    expect(nodesOfRanges(inclusionRanges(5, 7))).toEqual([
      { level: 0, index: 4 },
      { level: 0, index: 6 },
      { level: 2, index: 0 },
    ]);
  });
});

describe("consistency proofs", () => {
  it("are PROOF(m, D[n]) and verify for every m ≤ n; a changed old or new tree fails", async () => {
    await fc.assert(
      fc.asyncProperty(leafList(1, 40), fc.nat(), async (p, pick) => {
        const leaves = await p;
        const n = leaves.length;
        const m = 1 + (pick % n);
        const proof = await proofOf(consistencyRanges(m, n), leaves);
        expect(proof).toEqual(await subproof(m, leaves, true));
        const [oldRoot, newRoot] = [await mth(leaves.slice(0, m)), await mth(leaves)];
        expect(await verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
        const rewritten = [
          ...leaves.slice(0, m - 1),
          await hashLeaf("rewritten"),
          ...leaves.slice(m),
        ];
        expect(
          await verifyConsistency(m, n, await mth(rewritten.slice(0, m)), newRoot, proof),
        ).toBe(false);
        if (m < n) {
          expect(await verifyConsistency(m, n, oldRoot, await mth(rewritten), proof)).toBe(false);
          if (m > 1) expect(await verifyConsistency(m - 1, n, oldRoot, newRoot, proof)).toBe(false);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("of a tree with itself is empty, and holds only for the same root", async () => {
    const root = await hashLeaf("x");
    expect(await verifyConsistency(1, 1, root, root, [])).toBe(true);
    expect(await verifyConsistency(1, 1, root, await hashLeaf("y"), [])).toBe(false);
  });
});
