// npm run content:publish: validate, build an immutable version, upload and check it whole, then
// switch "live" to it.
import { type Manifest, buildVersion } from "../content/build.ts";
import { VERSIONS_KEY } from "../content/views.ts";
import { describeChanges, describeFieldChanges, diffManifests } from "./lib/changes.ts";
import {
  CHANGE_OPTIONS,
  CliError,
  changeTargetOf,
  confirmRemote,
  countOption,
  loadValidContent,
  parseCommandLine,
  runCommand,
  targetFlags,
  targetOf,
} from "./lib/cli.ts";
import {
  deleteVersions,
  readLiveState,
  readManifests,
  switchLive,
  uploadVersion,
} from "./lib/content-kv.ts";
import { readFieldChanges } from "./lib/field-changes.ts";
import { createKvClient } from "./lib/kv-client.ts";
import { DEFAULT_PREVIEW_HOURS, MAX_PREVIEW_HOURS } from "./lib/preview-token.ts";
import { readPreviewSecret } from "./lib/preview-link.ts";
import { describePreview, stageVersion } from "./lib/stage.ts";
import { DEFAULT_KEEP, choosePrunable, recordFor, withRecord } from "./lib/versions.ts";

const USAGE = `Usage: npm run content:publish -- [--local | --remote [--yes]] [--env NAME] [--dry-run] [--keep N]
                                  [--content-dir DIR] [--persist-to DIR] [--batch-size N]
                                  [--stage [--expires-hours N]]

Validates content/, builds a version (its id is a hash of the content), writes all its keys with
"wrangler kv bulk put", reads them back, and only then switches the "live" pointer to it.
  --local         local KV, the one "npm start" serves (default)
  --remote        the production namespace on Cloudflare (asks first on a terminal)
  --yes, -y       with --remote: publish without asking (needed where there is no terminal, as in CI)
  --env NAME      the wrangler environment whose CONTENT namespace to use
  --dry-run       show what would change, write nothing
  --keep N        versions kept in KV, counting the live one and the one before it (default ${DEFAULT_KEEP})
  --content-dir   publish another content folder (default content/)
  --persist-to    local KV state folder, as in wrangler (default .wrangler/state)
  --batch-size N  keys per wrangler call
  --stage         upload and check the version without making it live, and print a preview link for each
                  changed page (both languages); "npm run content:promote -- VERSION" makes it live.
                  The links are signed with PREVIEW_SECRET: from the environment if set, else .dev.vars
                  locally; with --remote pass the production Worker's: PREVIEW_SECRET=... npm run ...
                  SITE_ORIGIN (environment, else wrangler.toml for --remote) is the links' origin.
  --expires-hours N  how long the preview links work (default ${DEFAULT_PREVIEW_HOURS}, at most ${MAX_PREVIEW_HOURS})`;

runCommand(async () => {
  const values = parseCommandLine(
    {
      ...CHANGE_OPTIONS,
      "dry-run": { type: "boolean" },
      keep: { type: "string" },
      "content-dir": { type: "string" },
      "batch-size": { type: "string" },
      stage: { type: "boolean" },
      "expires-hours": { type: "string" },
    },
    USAGE,
  );
  const target = {
    ...(values["dry-run"] ? targetOf(values) : changeTargetOf(values)),
    batchSize: countOption(values["batch-size"], "batch-size", 0) || undefined,
  };
  const keep = countOption(values.keep, "keep", DEFAULT_KEEP, 2);
  const hours = countOption(values["expires-hours"], "expires-hours", DEFAULT_PREVIEW_HOURS);
  if (hours > MAX_PREVIEW_HOURS)
    throw new CliError(
      `--expires-hours must be at most ${MAX_PREVIEW_HOURS} (30 days), got ${hours}`,
    );
  if (values["expires-hours"] !== undefined && !values.stage)
    throw new CliError("--expires-hours only applies with --stage");
  const secret = values.stage && !values["dry-run"] ? readPreviewSecret(target) : "";
  const bundle = await loadValidContent(values["content-dir"]);
  const built = await buildVersion(bundle);
  console.log(
    `Content is valid: ${bundle.projects.length} projects, version ${built.version} (${built.entries.size} keys).`,
  );

  const kv = createKvClient(target);
  const { pointer, index } = readLiveState(kv);
  const live = pointer?.version;
  if (live === built.version) {
    console.log(`Version ${live} is already live in ${kv.where}: nothing to publish.`);
    return;
  }
  const printChanges = (manifests: Map<string, Manifest | null>) => {
    console.log(live ? `Against the version live before, ${live}:` : "Nothing was live before:");
    const before = live ? (manifests.get(live) ?? null) : null;
    const changes = diffManifests(before, built.manifest);
    for (const line of describeChanges(changes)) console.log(line);
    if (!before) return;
    const fields = readFieldChanges(kv, before, built, changes);
    if (fields.length > 0) console.log("  What changed, field by field (old → new):");
    for (const line of describeFieldChanges(fields)) console.log(line);
  };
  if (values["dry-run"]) {
    printChanges(readManifests(kv, live ? [live] : []));
    console.log(`Dry run: nothing was written to ${kv.where}.`);
    return;
  }
  if (values.stage) {
    const stage = { kv, target, built, bundle, index, live, hours, secret };
    const manifests = stageVersion(stage);
    console.log(
      `Staged: version ${built.version} is in ${kv.where}, not live${live ? ` (visitors still see ${live})` : ""}.`,
    );
    printChanges(manifests);
    for (const line of describePreview(stage, manifests, targetFlags(target))) console.log(line);
    return;
  }

  await confirmRemote(
    `Publish version ${built.version} to ${kv.where}${live ? `, replacing ${live}` : ""} (--dry-run shows the change)`,
    values,
  );
  // The index learns of the upload first, so an interrupted one is listed (and later pruned) rather
  // than forgotten.
  const uploading = withRecord(index, recordFor(built.manifest, false));
  const manifests = uploadVersion(
    kv,
    built,
    [[VERSIONS_KEY, JSON.stringify(uploading)]],
    live ? [live] : [],
  );
  const published = withRecord(uploading, {
    ...recordFor(built.manifest, true),
    publishedAt: new Date().toISOString(),
  });
  const pruned = choosePrunable(published, { keep, live: built.version, previous: live });
  switchLive(
    kv,
    published.filter((r) => !pruned.includes(r.version)),
    built.version,
    live,
  );
  console.log(
    `Published: version ${built.version} is live in ${kv.where}${live ? `, replacing ${live}` : ""}.`,
  );
  printChanges(manifests);
  if (live) console.log(`To undo: npm run content:rollback${targetFlags(target)}`);
  for (const { version, keys } of deleteVersions(kv, pruned)) {
    console.log(`Pruned old version ${version} (${keys} keys); ${keep} versions are kept.`);
  }
});
