// npm run deploy [-- --env staging] [--dry-run] [--yes] [--secrets-file FILE]: the whole deploy in
// one command. Content is validated, the Worker's secrets checked (the missing ones named, nothing
// created), the D1 ledger created if missing and migrated, the Worker deployed (wrangler provisions
// its KV namespace), content/ published to that namespace, and /it/ and /en/ requested. --dry-run
// prints every step and runs only the local ones, the deploy as wrangler's own --dry-run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DeployStep,
  deployedUrls,
  deploySteps,
  envFlag,
  missingSecrets,
  requiredSecrets,
  secretNamesIn,
} from "./lib/deploy-plan.ts";
import {
  CliError,
  UsageError,
  confirmRemote,
  loadValidContent,
  parseCommandLine,
  runCommand,
} from "./lib/cli.ts";
import { wrangler, wranglerLive } from "./lib/wrangler.ts";

const USAGE = `Usage: npm run deploy -- [--env NAME] [--dry-run] [--yes] [--secrets-file FILE]

Deploys the Worker to Cloudflare (needs npx wrangler login, or CLOUDFLARE_API_TOKEN), in this order:
  1. validates content/                      4. applies the D1 migrations (--remote)
  2. checks the Worker's secrets are set     5. wrangler deploy (creates the KV namespace the first time)
  3. creates the D1 ledger if missing        6. publishes content/ to the KV, then requests /it/ and /en/
It stops at the first failure, and at step 2 before anything is created when a secret is missing.
  --env NAME           a wrangler environment of wrangler.toml (staging); default: production
  --dry-run            print every step; run only the local ones, the deploy as wrangler deploy --dry-run
  --yes, -y            deploy without asking (needed where there is no terminal, as in CI)
  --secrets-file FILE  secrets to upload with the deploy (NAME=value lines or JSON), as wrangler deploy takes them:
                       the way to give a Worker that does not exist yet its secrets`;

runCommand(async () => {
  const values = parseCommandLine(
    {
      env: { type: "string" },
      "dry-run": { type: "boolean" },
      yes: { type: "boolean", short: "y" },
      "secrets-file": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  const dryRun = values["dry-run"] === true;
  const env = values.env ?? "";
  if (values["secrets-file"] && !existsSync(values["secrets-file"]))
    throw new UsageError(`--secrets-file ${values["secrets-file"]}: no such file`);
  const config = await readWranglerConfig(env);
  const database = config.d1_databases.find(
    (d: { binding: string }) => d.binding === "LEDGER",
  )?.database_name;
  if (!database) throw new CliError("wrangler.toml binds no LEDGER D1 database");
  const target = `${config.name}${env ? ` (env ${env})` : " (production)"}`;
  if (!dryRun) await confirmRemote(`Deploy ${target}`, { remote: true, yes: values.yes });

  const outdir = dryRun ? mkdtempSync(join(tmpdir(), "fvm-deploy-")) : "";
  const steps = deploySteps(
    {
      env,
      database,
      secrets: requiredSecrets(config.vars).map((s) => s.name),
      secretsFile: values["secrets-file"],
      outdir,
    },
    dryRun,
  );
  console.log(`${dryRun ? "Dry run: what npm run deploy would do" : "Deploying"} for ${target}:`);
  const state: { urls: string[] } = { urls: [] };
  try {
    for (const [i, step] of steps.entries()) {
      console.log(`\n${i + 1}/${steps.length} ${step.title}\n    $ ${step.command}`);
      if (dryRun && !step.inDryRun) {
        console.log("    (dry run: not run)");
        continue;
      }
      await runStep(step, {
        env,
        database,
        dryRun,
        outdir,
        secretsFile: values["secrets-file"],
        vars: config.vars,
        state,
      });
    }
  } finally {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  }
  console.log(
    dryRun
      ? "\nDry run: nothing was created, uploaded or changed."
      : `\nDeployed ${target}: ${state.urls.join(", ")}`,
  );
});

/**
 * wrangler.toml as wrangler reads it for that environment; an unknown one is a usage error
 * (exit 2).
 */
async function readWranglerConfig(env: string) {
  // Loaded only now: wrangler's API takes seconds to import, and --help or a wrong flag should
  // answer at once.
  const { unstable_readConfig } = await import("wrangler");
  try {
    return unstable_readConfig(
      { config: "wrangler.toml", env: env || undefined },
      { hideWarnings: true },
    );
  } catch (error) {
    throw new UsageError(
      `--env ${env}: ${(error as Error).message.replace(/^Processing wrangler.toml configuration:\s*-?\s*/, "")}`,
    );
  }
}

type StepContext = {
  env: string;
  database: string;
  dryRun: boolean;
  outdir: string;
  secretsFile?: string;
  vars: Record<string, unknown>;
  state: { urls: string[] };
};

async function runStep(step: DeployStep, c: StepContext): Promise<void> {
  switch (step.id) {
    case "content": {
      const bundle = await loadValidContent(undefined, "nothing was deployed");
      console.log(`    content is valid: ${bundle.projects.length} projects`);
      return;
    }
    case "secrets":
      return checkSecrets(c);
    case "database": {
      const databases = JSON.parse(wrangler(["d1", "list", "--json"], { quiet: true })) as {
        name: string;
      }[];
      if (databases.some((d) => d.name === c.database))
        return console.log(`    ${c.database} exists`);
      wranglerLive(["d1", "create", c.database]);
      return;
    }
    case "migrations":
      return wranglerLive(["d1", "migrations", "apply", "LEDGER", "--remote", ...envFlag(c.env)]);
    case "deploy-admin": {
      const admin = ["deploy", "-c", "wrangler.admin.toml", ...envFlag(c.env)];
      if (c.dryRun)
        return wranglerLive([...admin, "--dry-run", "--outdir", join(c.outdir, "admin")]);
      return wranglerLive([...admin, ...(c.secretsFile ? ["--secrets-file", c.secretsFile] : [])]);
    }
    case "deploy": {
      if (c.dryRun)
        return wranglerLive(["deploy", "--dry-run", "--outdir", c.outdir, ...envFlag(c.env)]);
      const output = join(mkdtempSync(join(tmpdir(), "fvm-deploy-out-")), "wrangler-output.json");
      wranglerLive(
        ["deploy", ...envFlag(c.env), ...(c.secretsFile ? ["--secrets-file", c.secretsFile] : [])],
        { WRANGLER_OUTPUT_FILE_PATH: output },
      );
      c.state.urls = deployedUrls(readFileSync(output, "utf8"), String(c.vars.SITE_ORIGIN ?? ""));
      return;
    }
    case "publish":
      return runNode([
        "scripts/content-publish.ts",
        "--remote",
        "--yes",
        ...(c.env ? ["--env", c.env] : []),
      ]);
    case "check":
      return checkPages(c.state.urls);
  }
}

function checkSecrets(c: StepContext): void {
  let set: string[];
  try {
    set = (
      JSON.parse(
        wrangler(["secret", "list", "--format", "json", ...envFlag(c.env)], { quiet: true }),
      ) as { name: string }[]
    ).map((s) => s.name);
  } catch (error) {
    // A Worker that was never deployed has no secrets yet: only a --secrets-file can give them on
    // its first deploy.
    if (!/does not exist|10007|not found/i.test((error as Error).message)) throw error;
    set = [];
  }
  const fromFile = c.secretsFile ? secretNamesIn(readFileSync(c.secretsFile, "utf8")) : [];
  const required = requiredSecrets(c.vars);
  const missing = missingSecrets(required, set, fromFile);
  if (missing.length === 0)
    return console.log(`    set: ${required.map((s) => s.name).join(", ")}`);
  const env = c.env ? ` --env ${c.env}` : "";
  const lines = required
    .filter((s) => missing.includes(s.name))
    .map(
      (s) =>
        `  ${s.name}: ${s.why}.\n    npx wrangler secret put ${s.name}${env}   (value: ${s.make})`,
    );
  throw new CliError(
    `Missing secret${missing.length === 1 ? "" : "s"}: ${missing.join(", ")}. Nothing was created or deployed.\n${lines.join("\n")}\n` +
      `Or put them in a file (NAME=value lines) and run npm run deploy -- --secrets-file FILE${env}.`,
  );
}

async function checkPages(urls: string[]): Promise<void> {
  if (urls.length === 0)
    throw new CliError(
      "wrangler reported no URL and SITE_ORIGIN is empty: request /it/ and /en/ yourself.",
    );
  const failures: string[] = [];
  for (const origin of urls) {
    for (const path of ["/it/", "/en/"]) {
      const line = await requestPage(`${origin}${path}`);
      console.log(`    ${line.text}`);
      if (!line.ok) failures.push(line.text);
    }
  }
  if (failures.length > 0)
    throw new CliError(
      `The Worker is deployed, but ${failures.length} page request${failures.length === 1 ? "" : "s"} failed.`,
    );
}

/**
 * One page, retried for up to half a minute: a new workers.dev name takes a few seconds to answer.
 */
async function requestPage(url: string): Promise<{ ok: boolean; text: string }> {
  let last = "";
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 3000));
    const start = performance.now();
    try {
      const response = await fetch(url, { redirect: "manual" });
      const ms = Math.round(performance.now() - start);
      last = `GET ${url} → ${response.status} in ${ms} ms (${response.headers.get("content-type") ?? "no content type"})`;
      await response.arrayBuffer();
      if (response.status === 200) return { ok: true, text: last };
      if (response.status < 500 && response.status !== 404) break;
    } catch (error) {
      last = `GET ${url} → ${(error as Error).message}`;
    }
  }
  return { ok: false, text: last };
}

/** Another of the project's scripts, on this Node, its output shown as it comes. */
function runNode(args: string[]): void {
  const { status } = spawnSync(process.execPath, args, {
    cwd: new URL("../", import.meta.url).pathname,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (status !== 0) throw new CliError(`node ${args.join(" ")} failed (its output is above).`);
}
