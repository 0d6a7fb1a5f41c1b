// An export's selection digest: SHA-256 of its seqs joined by commas.
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../../lib/bytes.ts";
import { selectionDigest } from "../../../worker/ledger/manifest.ts";

describe("the canonical form a record's leaf covers", () => {
  it("digests an export's selection as SHA-256 of its seqs joined by commas", async () => {
    expect(await selectionDigest([1, 5, 9])).toBe(await sha256Hex("1,5,9"));
  });
});
