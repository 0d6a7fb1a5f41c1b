// D25: where `npm run consent:archive` keeps what each policy version showed, and what it writes
// there. Pure.
//
// The archive lives in the CONTENT KV namespace (bound to both Workers), under
// consent-archive/<policy version>/: its manifest.json, the banner and preferences markup per
// locale, the stylesheet, the script, and the screenshots (PNG, stored base64 as KV text). KV
// rather than D1 because the screenshots are binary files of up to a few hundred KB: one `wrangler
// kv bulk put` stores them whole (KV takes 25 MiB a value), where D1 caps an SQL statement at 100
// KB and would hold them in the ledger's database and its backups for no gain. The archive need not
// be append-only storage to be trusted: the manifest lists each file's SHA-256, and the markup's
// D24 hash (over the stored banner, preferences, stylesheet and script) is carried by every record
// in the signed Merkle log, so the dashboard recomputes it from the stored bytes and says whether
// they are what the records say was shown.
import { toBase64 } from "../../lib/bytes.ts";

export const ARCHIVE_PREFIX = "consent-archive/";

export const archiveKey = (policyVersion: string, file: string) =>
  `${ARCHIVE_PREFIX}${policyVersion}/${file}`;

/** One archived file as the manifest lists it. */
export type ArchiveFile = {
  file: string;
  sha256: string;
  locale?: string;
  viewport?: string;
  layer?: string;
};

export type ArchiveManifest = {
  policyVersion: string;
  capturedAt: string;
  chromium: string;
  /** Per locale: the D24 hash of the shown markup, each part's SHA-256, and the texts' hash. */
  markup: Record<string, { hash: string; parts: Record<string, string>; textsHash: string }>;
  files: ArchiveFile[];
};

/**
 * Screenshots are binary: stored as base64 text in KV. Every other file is stored as its
 * UTF-8 text.
 */
export const isBinaryFile = (file: string) => file.endsWith(".png");

/**
 * The file names the archive writes, and only those: a request for anything else is not looked up.
 */
export const ARCHIVE_FILE =
  /^(?:(?:it|en)-(?:banner|preferences)\.html|(?:it|en)-(?:phone|desktop)-(?:banner|preferences)\.png|stylesheet\.css|consent\.js|manifest\.json)$/;

/**
 * The KV entries of one version's archive (manifest last, so a half-written upload is not taken for
 * an archive).
 */
export function archiveEntries(
  manifest: ArchiveManifest,
  contents: ReadonlyMap<string, string | Uint8Array>,
): [string, string][] {
  const entries: [string, string][] = manifest.files.map(({ file }) => {
    const bytes = contents.get(file);
    if (bytes === undefined) throw new Error(`the archive lists ${file} but has no such file`);
    const value =
      typeof bytes === "string"
        ? isBinaryFile(file)
          ? btoa(bytes)
          : bytes
        : isBinaryFile(file)
          ? toBase64(bytes)
          : new TextDecoder().decode(bytes);
    return [archiveKey(manifest.policyVersion, file), value];
  });
  entries.push([
    archiveKey(manifest.policyVersion, "manifest.json"),
    `${JSON.stringify(manifest, null, 2)}\n`,
  ]);
  return entries;
}
