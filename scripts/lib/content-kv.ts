// The content layout in KV, as the tools change it: versions are uploaded and checked whole, then
// one pointer moves.
import type { BuiltVersion, Manifest } from "../../content/build.ts";
import {
  POINTER_KEY,
  VERSIONS_KEY,
  kvKeys,
  parseJson,
  parsePointer,
  type Pointer,
} from "../../content/views.ts";
import { CliError, progressLine } from "./cli.ts";
import type { KvClient } from "./kv-client.ts";
import { type VersionsIndex, parseVersionsIndex } from "./versions.ts";

export type LiveState = { pointer: Pointer | null; index: VersionsIndex };

/** The pointer and the versions index, read together. */
export function readLiveState(kv: KvClient): LiveState {
  const values = kv.get([POINTER_KEY, VERSIONS_KEY]);
  const pointerText = values.get(POINTER_KEY) ?? null;
  const pointer = parsePointer(pointerText);
  if (pointerText !== null && !pointer)
    console.warn(`warning: the "${POINTER_KEY}" key in ${kv.where} is not a valid pointer`);
  return { pointer, index: parseVersionsIndex(values.get(VERSIONS_KEY) ?? null) };
}

/** The manifests of some versions, read together; null for a version without a readable one. */
export function readManifests(kv: KvClient, versions: string[]): Map<string, Manifest | null> {
  const values = kv.get(versions.map((v) => kvKeys.manifest(v)));
  return new Map(versions.map((version) => [version, manifestOf(version, values)]));
}

/**
 * Writes every key of the version (`extra` entries ride along in the first batch), then reads all
 * back and compares; the manifests of `alsoManifests` are read in the same pass, and returned.
 */
export function uploadVersion(
  kv: KvClient,
  built: BuiltVersion,
  extra: [string, string][],
  alsoManifests: string[] = [],
): Map<string, Manifest | null> {
  const keys = [...built.entries.keys()];
  kv.put([...extra, ...built.entries], progressLine(`Uploading version ${built.version}`));
  const readBack = kv.get(
    [...keys, ...alsoManifests.map((v) => kvKeys.manifest(v))],
    progressLine(`Reading back version ${built.version}`),
  );
  const wrong = keys.filter((key) => readBack.get(key) !== built.entries.get(key));
  if (wrong.length > 0) {
    throw new CliError(
      `${wrong.length} of ${keys.length} keys did not read back as written (first: ${wrong[0]}). ` +
        "The live version is unchanged; run the publish again.",
    );
  }
  return new Map(alsoManifests.map((version) => [version, manifestOf(version, readBack)]));
}

/**
 * Moves the pointer, the one write that changes what visitors see, with the versions index that
 * records it. One bulk put, index first: should the index be lost, only the listing is out of date,
 * never the site.
 */
export function switchLive(
  kv: KvClient,
  index: VersionsIndex,
  version: string,
  previous: string | undefined,
): Pointer {
  const pointer: Pointer = {
    version,
    publishedAt: new Date().toISOString(),
    ...(previous ? { previous } : {}),
  };
  kv.put([
    [VERSIONS_KEY, JSON.stringify(index)],
    [POINTER_KEY, JSON.stringify(pointer)],
  ]);
  return pointer;
}

/**
 * Deletes every key under the versions' prefixes, including those of uploads that never finished;
 * returns the counts.
 */
export function deleteVersions(
  kv: KvClient,
  versions: string[],
): { version: string; keys: number }[] {
  const keys = versions.map((version) => kv.list(kvKeys.prefix(version)));
  kv.delete(keys.flat());
  return versions.map((version, i) => ({ version, keys: keys[i]!.length }));
}

function manifestOf(version: string, values: Map<string, string | null>): Manifest | null {
  const manifest = parseJson(values.get(kvKeys.manifest(version)) ?? null) as Manifest | undefined;
  return manifest?.version === version && Array.isArray(manifest.keys) ? manifest : null;
}
