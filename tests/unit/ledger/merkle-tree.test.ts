// The tree the log keeps equals RFC 9162's MTH, appended in batches of any size via the frontier.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appendToFrontier,
  frontierOf,
  rootOfFrontier,
  rootOfLeaves,
  type TreeNode,
} from "../../../worker/ledger/merkle-tree.ts";
import { leafList, mth } from "../../helpers/merkle.ts";

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
