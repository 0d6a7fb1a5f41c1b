// Inclusion and consistency proofs are RFC 9162's PATH and PROOF, and verify; any change fails.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashLeaf } from "../../../worker/ledger/merkle-hash.ts";
import {
  consistencyRanges,
  inclusionRanges,
  nodesOfRanges,
} from "../../../worker/ledger/merkle-proof.ts";
import { verifyConsistency, verifyInclusion } from "../../../worker/ledger/merkle-verify.ts";
import { leafList, mth, path, proofOf, subproof } from "../../helpers/merkle.ts";

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
