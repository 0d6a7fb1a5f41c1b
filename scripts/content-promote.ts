// npm run content:promote -- VERSION: make a staged version live, once every key is in KV as it
// was staged.
import { describeChanges, diffManifests } from "./lib/changes.ts";
import {
  CHANGE_OPTIONS,
  CliError,
  UsageError,
  changeTargetOf,
  confirmRemote,
  parseCommandLineWithPositionals,
  progressLine,
  runCommand,
  targetFlags,
} from "./lib/cli.ts";
import { deleteVersions, readLiveState, readManifests, switchLive } from "./lib/content-kv.ts";
import { createKvClient } from "./lib/kv-client.ts";
import { digestEntries } from "./lib/preview-link.ts";
import { DEFAULT_KEEP, choosePrunable, findVersion, isStaged, withRecord } from "./lib/versions.ts";

const USAGE = `Usage: npm run content:promote -- VERSION [--local | --remote [--yes]] [--env NAME] [--persist-to DIR]

Makes a version staged with "npm run content:publish -- --stage" live: its id (or the start of it, as
"npm run content:versions" shows). Every key of the version is read back and compared with what was staged;
only then does the "live" pointer move. Nothing is uploaded.
  --local         local KV, the one "npm start" serves (default)
  --remote        the production namespace on Cloudflare
  --env NAME      the wrangler environment whose CONTENT namespace to use
  --persist-to    local KV state folder, as in wrangler (default .wrangler/state)`;

runCommand(async () => {
  // A wrong command line exits 2 with the usage; --remote asks first (a terminal) or needs --yes.
  const parsed = parseCommandLineWithPositionals(CHANGE_OPTIONS, USAGE);
  if (parsed.positionals.length !== 1)
    throw new UsageError(`Name the one staged version to make live.\n\n${USAGE}`);
  const wanted = parsed.positionals[0]!;
  const target = changeTargetOf(parsed.values);
  await confirmRemote(`promoting ${wanted}`, parsed.values);
  const kv = createKvClient(target);
  const { pointer, index } = readLiveState(kv);
  const live = pointer?.version;
  const found = findVersion(index, wanted);
  if (found === "ambiguous")
    throw new CliError(
      `"${wanted}" starts more than one version id: give more of it. Nothing changed.`,
    );
  if (found === "none") {
    throw new CliError(
      `Version ${wanted} is not staged in ${kv.where}: nothing changed. "npm run content:versions" lists the staged ones.`,
    );
  }
  const { version } = found;
  if (version === live) {
    console.log(`Version ${version} is already live in ${kv.where}: nothing changed.`);
    return;
  }
  if (!isStaged(found) || !found.staged) {
    throw new CliError(
      `Version ${version} was not staged: nothing changed. To bring back a version that was live, npm run content:rollback -- --to ${version}`,
    );
  }

  const manifests = readManifests(kv, live ? [version, live] : [version]);
  const manifest = manifests.get(version);
  if (!manifest)
    throw new CliError(
      `Version ${version} is not in ${kv.where} (pruned since it was staged?): nothing changed.`,
    );
  const values = kv.get(manifest.keys, progressLine(`Checking version ${version}`));
  const missing = manifest.keys.filter((key) => values.get(key) == null);
  if (missing.length > 0) {
    throw new CliError(
      `Version ${version} is missing ${missing.length} of ${manifest.keys.length} keys in ${kv.where} (first: ${missing[0]}): nothing changed. Stage it again.`,
    );
  }
  if (digestEntries(manifest.keys, (key) => values.get(key)) !== found.staged.digest) {
    throw new CliError(
      `Version ${version}'s keys in ${kv.where} are not those that were staged: nothing changed. Stage it again.`,
    );
  }

  const promoted = withRecord(index, {
    ...found,
    complete: true,
    staged: undefined,
    publishedAt: new Date().toISOString(),
  });
  const pruned = choosePrunable(promoted, { keep: DEFAULT_KEEP, live: version, previous: live });
  switchLive(
    kv,
    promoted.filter((r) => !pruned.includes(r.version)),
    version,
    live,
  );
  console.log(
    `Promoted: version ${version} is live in ${kv.where}${live ? `, replacing ${live}` : ""}.`,
  );
  console.log(live ? `Against the version live before, ${live}:` : "Nothing was live before:");
  for (const line of describeChanges(
    diffManifests(live ? (manifests.get(live) ?? null) : null, manifest),
  ))
    console.log(line);
  if (live) console.log(`To undo: npm run content:rollback${targetFlags(target)}`);
  for (const { version: old, keys } of deleteVersions(kv, pruned))
    console.log(`Pruned old version ${old} (${keys} keys); ${DEFAULT_KEEP} versions are kept.`);
});
