// The content layout in KV, as the tools change it: versions are uploaded and checked whole, then one pointer moves.
import type { BuiltVersion, Manifest } from "../../content/build.ts";
import { POINTER_KEY, VERSIONS_KEY, kvKeys, parseJson, parsePointer, type Pointer } from "../../content/views.ts";
import type { KvClient } from "./kv-client.ts";
import { CliError, progressLine } from "./cli.ts";
import { type VersionsIndex, choosePrunable, parseVersionsIndex } from "./versions.ts";

export type LiveState = { pointer: Pointer | null; index: VersionsIndex };

/** The pointer and the versions index, read together. */
export function readLiveState(kv: KvClient): LiveState {
  const values = kv.get([POINTER_KEY, VERSIONS_KEY]);
  const pointerText = values.get(POINTER_KEY) ?? null;
  const pointer = parsePointer(pointerText);
  if (pointerText !== null && !pointer) console.warn(`warning: the "${POINTER_KEY}" key in ${kv.where} is not a valid pointer`);
  return { pointer, index: parseVersionsIndex(values.get(VERSIONS_KEY) ?? null) };
}

/** The manifests of some versions, read together; null for a version without a readable one. */
export function readManifests(kv: KvClient, versions: string[]): Map<string, Manifest | null> {
  const values = kv.get(versions.map((v) => kvKeys.manifest(v)));
  return new Map(
    versions.map((version) => {
      const manifest = parseJson(values.get(kvKeys.manifest(version)) ?? null) as Manifest | undefined;
      return [version, manifest?.version === version && Array.isArray(manifest.keys) ? manifest : null];
    }),
  );
}

export function readManifest(kv: KvClient, version: string): Manifest | null {
  return readManifests(kv, [version]).get(version) ?? null;
}

/** Writes every key of the version (`extra` entries ride along in the first batch), then reads all back and compares. */
export function uploadVersion(kv: KvClient, built: BuiltVersion, extra: [string, string][]): void {
  const entries = [...extra, ...built.entries];
  const keys = [...built.entries.keys()];
  kv.put(entries, progressLine(`Uploading version ${built.version}`));
  const readBack = kv.get(keys, progressLine(`Reading back version ${built.version}`));
  const wrong = keys.filter((key) => readBack.get(key) !== built.entries.get(key));
  if (wrong.length > 0) {
    throw new CliError(
      `${wrong.length} of ${keys.length} keys did not read back as written (first: ${wrong[0]}). ` +
        "The live version is unchanged; run the publish again.",
    );
  }
}

/** Moves the pointer: the one write that changes what visitors see. */
export function switchLive(kv: KvClient, version: string, previous: string | undefined): Pointer {
  const pointer: Pointer = { version, publishedAt: new Date().toISOString(), ...(previous ? { previous } : {}) };
  kv.put([[POINTER_KEY, JSON.stringify(pointer)]]);
  return pointer;
}

export function writeIndex(kv: KvClient, index: VersionsIndex): void {
  kv.put([[VERSIONS_KEY, JSON.stringify(index)]]);
}

/**
 * Deletes the versions beyond the newest `keep` (never the live one nor the one before it): first from the index,
 * then every key under their prefix, including those of uploads that never finished. Returns what it deleted.
 */
export function pruneVersions(kv: KvClient, index: VersionsIndex, pointer: Pointer, keep: number): { version: string; keys: number }[] {
  const victims = choosePrunable(index, { keep, live: pointer.version, previous: pointer.previous });
  if (victims.length === 0) return [];
  writeIndex(kv, index.filter((r) => !victims.includes(r.version)));
  const keys = victims.map((version) => kv.list(kvKeys.prefix(version)));
  kv.delete(keys.flat());
  return victims.map((version, i) => ({ version, keys: keys[i]!.length }));
}
