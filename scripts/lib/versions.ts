// The versions index (which versions exist in KV, uploaded and last made live when) and the pruning
// rule. Pure.
import type { Manifest } from "../../content/build.ts";
import { parseJson } from "../../content/views.ts";

/** One version the tools uploaded. `complete` once every key was read back as written. */
export type VersionRecord = {
  version: string;
  builtAt: string;
  projects: number;
  keys: number;
  complete: boolean;
  /** The last time it was made live, by a publish or a rollback. */
  publishedAt?: string;
  /**
   * Uploaded with `content:publish --stage`, for a preview: when, and a digest of its keys that
   * promote checks.
   */
  staged?: { at: string; digest: string };
};

/** Oldest first; the last entry is the version most recently uploaded or made live. */
export type VersionsIndex = VersionRecord[];

/**
 * Versions kept in KV when nothing else is said: the live one, the one before, and eight more to
 * roll back to.
 */
export const DEFAULT_KEEP = 10;

/**
 * The index as stored; an absent or unreadable one is empty (pruning then only forgets, it never
 * deletes wrongly).
 */
export function parseVersionsIndex(text: string | null): VersionsIndex {
  const value = parseJson(text);
  return Array.isArray(value)
    ? value.filter((r): r is VersionRecord => typeof r?.version === "string")
    : [];
}

export function recordFor(manifest: Manifest, complete: boolean): VersionRecord {
  return {
    version: manifest.version,
    builtAt: manifest.builtAt,
    projects: Object.keys(manifest.projects).length,
    keys: manifest.keys.length,
    complete,
  };
}

/**
 * The index with `record` as its newest entry; an earlier upload of the same version keeps its
 * first build date.
 */
export function withRecord(index: VersionsIndex, record: VersionRecord): VersionsIndex {
  const earlier = index.find((r) => r.version === record.version);
  const merged = { ...earlier, ...record, builtAt: earlier?.builtAt ?? record.builtAt };
  return [...index.filter((r) => r.version !== record.version), merged];
}

/**
 * The versions beyond the newest `keep`, never the live one nor the one before it (the
 * rollback target).
 */
export function choosePrunable(
  index: VersionsIndex,
  options: { keep: number; live?: string; previous?: string },
): string[] {
  const keptNewest = new Set(index.slice(-options.keep).map((r) => r.version));
  return index
    .map((r) => r.version)
    .filter((v) => !keptNewest.has(v) && v !== options.live && v !== options.previous);
}

/** The one version a `--to` argument names: an exact id or an unambiguous prefix of one. */
export function findVersion(
  index: VersionsIndex,
  wanted: string,
): VersionRecord | "none" | "ambiguous" {
  const exact = index.find((r) => r.version === wanted);
  if (exact) return exact;
  const matches = index.filter((r) => r.version.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  return matches.length === 0 ? "none" : "ambiguous";
}

/** Staged and not made live since: what `content:promote` takes. */
export function isStaged(record: VersionRecord): boolean {
  return (
    record.staged !== undefined && !(record.publishedAt && record.publishedAt > record.staged.at)
  );
}
