// Leaf and node hashes are domain-separated and give Certificate Transparency's roots.
import { describe, expect, it } from "vitest";
import { EMPTY_ROOT, hashChildren, hashLeaf } from "../../../worker/ledger/merkle-hash.ts";
import { rootOfLeaves } from "../../../worker/ledger/merkle-tree.ts";
import { CT_LEAVES, CT_ROOTS, bytes, mth } from "../../helpers/merkle.ts";

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
    // The same 64 bytes as a leaf and as a node's children hash differently: no second preimage
    // across levels.
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
