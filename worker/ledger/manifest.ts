// An export's manifest: the log's key vouches for what an export selected (scope, filter, the
// exact list of leaves) against which tree head, so a record left out of a filtered export is
// caught. Pure.
import { CANONICAL_VERSION } from "./canonical-record.ts";
import { sha256Hex } from "../../lib/bytes.ts";
import type { RecordFilter } from "./filter.ts";
import type { LedgerSigner } from "./signing.ts";
import type { ExportScope } from "./record-types.ts";

export type Manifest = {
  generatedAt: string;
  scope: ExportScope;
  filter: RecordFilter;
  treeSize: number;
  root: string;
  /** The positions of every entry the export holds, in order. */
  seqs: number[];
  /** SHA-256 (hex) of the seqs written in decimal, joined by ",". */
  selection: string;
  keyId: string;
  signature: string;
};

/** The text a manifest's signature covers (the seqs only through their digest). */
export function canonicalManifest(m: Omit<Manifest, "signature" | "seqs">): string {
  const filter = Object.fromEntries(
    Object.entries(m.filter)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return JSON.stringify({
    v: CANONICAL_VERSION,
    type: "export_manifest",
    generatedAt: m.generatedAt,
    scope: m.scope,
    filter,
    treeSize: m.treeSize,
    root: m.root,
    selection: m.selection,
    keyId: m.keyId,
  });
}

export function selectionDigest(seqs: readonly number[]): Promise<string> {
  return sha256Hex(seqs.join(","));
}

export async function signManifest(
  signer: LedgerSigner,
  fields: Omit<Manifest, "signature" | "selection" | "keyId">,
): Promise<Manifest> {
  const unsigned = {
    ...fields,
    selection: await selectionDigest(fields.seqs),
    keyId: signer.keyId,
  };
  return { ...unsigned, signature: await signer.signText(canonicalManifest(unsigned)) };
}
