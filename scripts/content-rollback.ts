// npm run content:rollback: point "live" back at the previous version (or --to one), after checking
// it is whole in KV.
import { kvKeys } from "../content/views.ts";
import { describeChanges, diffManifests } from "./lib/changes.ts";
import {
  CHANGE_OPTIONS,
  CliError,
  changeTargetOf,
  confirmRemote,
  parseCommandLine,
  runCommand,
  targetFlags,
} from "./lib/cli.ts";
import { readLiveState, readManifests, switchLive } from "./lib/content-kv.ts";
import { createKvClient } from "./lib/kv-client.ts";
import { type VersionsIndex, findVersion, recordFor, withRecord } from "./lib/versions.ts";

const USAGE = `Usage: npm run content:rollback -- [--to VERSION] [--local | --remote [--yes]] [--env NAME] [--persist-to DIR]

Makes the previous version live again (run it twice to come back), or the version named with --to
(its id or the start of it, as "npm run content:versions" shows). Nothing is uploaded: the version's
keys are checked in KV, then only the "live" pointer moves. --remote asks first on a terminal; --yes (-y)
confirms without asking, as where there is no terminal.`;

runCommand(async () => {
  const values = parseCommandLine({ ...CHANGE_OPTIONS, to: { type: "string" } }, USAGE);
  const target = changeTargetOf(values);
  const kv = createKvClient(target);
  const { pointer, index } = readLiveState(kv);
  const version = chooseTarget(values.to, pointer?.previous, index);
  if (version === pointer?.version) {
    console.log(`Version ${version} is already live in ${kv.where}: nothing changed.`);
    return;
  }

  const manifests = readManifests(kv, pointer ? [version, pointer.version] : [version]);
  const manifest = manifests.get(version);
  if (!manifest)
    throw new CliError(
      `Version ${version} is not in ${kv.where} (pruned, or its upload never finished): nothing changed.`,
    );
  const present = new Set(kv.list(kvKeys.prefix(version)));
  const missing = manifest.keys.filter((key) => !present.has(key));
  if (missing.length > 0) {
    throw new CliError(
      `Version ${version} is missing ${missing.length} keys in ${kv.where} (first: ${missing[0]}): nothing changed.`,
    );
  }

  await confirmRemote(
    `Make version ${version} live in ${kv.where}${pointer ? `, replacing ${pointer.version}` : ""}`,
    values,
  );
  // Every key is there: a version whose upload was interrupted after its last batch is whole too.
  const record = {
    ...(index.find((r) => r.version === version) ?? recordFor(manifest, true)),
    complete: true,
  };
  switchLive(
    kv,
    withRecord(index, { ...record, publishedAt: new Date().toISOString() }),
    version,
    pointer?.version,
  );
  console.log(
    `Rolled back: version ${version} is live in ${kv.where}${pointer ? `, replacing ${pointer.version}` : ""}.`,
  );
  const before = pointer ? (manifests.get(pointer.version) ?? null) : null;
  for (const line of describeChanges(diffManifests(before, manifest))) console.log(line);
  if (pointer) console.log(`To undo: npm run content:rollback${targetFlags(target)}`);
});

/** `--to` as given (an id or the start of one), else the version live before this one. */
function chooseTarget(
  wanted: string | undefined,
  previous: string | undefined,
  index: VersionsIndex,
): string {
  if (wanted === undefined) {
    if (!previous)
      throw new CliError(
        "The live version has no previous one to go back to. Name a version with --to (see npm run content:versions).",
      );
    return previous;
  }
  const found = findVersion(index, wanted);
  if (found === "ambiguous")
    throw new CliError(`"${wanted}" starts more than one version id: give more of it.`);
  return found === "none" ? wanted : found.version;
}
