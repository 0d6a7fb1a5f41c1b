// Checks of the signed statements in an export: its tree head, its manifest, and a head kept
// earlier (--since).
import { canonicalManifest, selectionDigest, type Manifest } from "./manifest.ts";
import { verifyConsistency } from "./merkle-verify.ts";
import type { TreeHead } from "./record-types.ts";
import { type PublicKeys, verifyHeadSignature, verifySigned } from "./signing.ts";
import type { Consistency, Problem } from "./verify-types.ts";

/** How far ahead of the verifier's clock a head may be dated (clock skew). */
export const FUTURE_SKEW_MS = 5 * 60_000;

const tampered = (line: number, message: string): Problem => ({
  verdict: "tampered",
  line,
  message,
});
const unproven = (line: number, message: string): Problem => ({
  verdict: "unproven",
  line,
  message,
});

/**
 * Problems with the head: unsigned by a trusted key, a broken signature, or a date in the future.
 */
export async function checkHead(
  head: TreeHead,
  line: number,
  keys: PublicKeys,
  now: Date,
  what = "the tree head",
): Promise<Problem[]> {
  if (!keys.has(head.keyId))
    return [
      unproven(
        line,
        `${what} (line ${line}) is signed by key ${head.keyId}, not by the expected key (${[...keys.keys()].join(", ")}): nothing trusted vouches for it`,
      ),
    ];
  if (!(await verifyHeadSignature(keys, head)))
    return [
      tampered(
        line,
        `${what} (line ${line}) has a signature that does not verify: its size, root or time was changed`,
      ),
    ];
  if (Date.parse(head.timestamp) > now.getTime() + FUTURE_SKEW_MS)
    return [
      tampered(
        line,
        `${what} (line ${line}) is dated ${head.timestamp}, in the future: it cannot have been signed yet`,
      ),
    ];
  return [];
}

/**
 * Problems with the manifest: unsigned, broken, for another head, or with a changed list. Empty
 * when it holds.
 */
export async function checkManifest(
  m: Manifest,
  line: number,
  head: TreeHead,
  keys: PublicKeys,
): Promise<Problem[]> {
  if (!keys.has(m.keyId))
    return [
      unproven(
        line,
        `the manifest (line ${line}) is signed by key ${m.keyId}, not by the expected key: nothing trusted says which records were selected`,
      ),
    ];
  if (!(await verifySigned(keys, m.keyId, canonicalManifest(m), m.signature)))
    return [
      tampered(
        line,
        `the manifest (line ${line}) has a signature that does not verify: the selection it describes was changed`,
      ),
    ];
  if (m.treeSize !== head.size || m.root !== head.root)
    return [
      tampered(
        line,
        `the manifest (line ${line}) is for the tree of ${m.treeSize} leaves, not the export's head (${head.size}): parts of two exports were combined`,
      ),
    ];
  if ((await selectionDigest(m.seqs)) !== m.selection)
    return [
      tampered(
        line,
        `the manifest's list of records (line ${line}) does not match its signed digest: it was changed`,
      ),
    ];
  return [];
}

/** Problems proving `head` extends `kept` (a head the verifier saved earlier). */
export function checkSince(
  kept: TreeHead,
  head: TreeHead,
  proofs: readonly { line: number; value: Consistency }[],
): Promise<Problem[]> | Problem[] {
  if (kept.size > head.size)
    return [
      tampered(
        0,
        `the export's head has ${head.size} leaves, fewer than the ${kept.size} of the head you kept: the log was cut`,
      ),
    ];
  if (kept.size === head.size) {
    return kept.root === head.root
      ? []
      : [
          tampered(
            0,
            `the export's head has the same size as the head you kept (${kept.size}) but another root: history was rewritten`,
          ),
        ];
  }
  const proof = proofs.find((p) => p.value.fromSize === kept.size && p.value.toSize === head.size);
  if (!proof)
    return [
      unproven(
        0,
        `the export carries no consistency proof from size ${kept.size} to ${head.size}: export again with --since-size ${kept.size}`,
      ),
    ];
  return verifyConsistency(kept.size, head.size, kept.root, head.root, proof.value.proof).then(
    (ok) =>
      ok
        ? []
        : [
            tampered(
              proof.line,
              `the export's head (size ${head.size}) does not extend the head you kept (size ${kept.size}): records before it were changed, removed or reordered`,
            ),
          ],
  );
}
