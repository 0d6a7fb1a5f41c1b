// What `npm run deploy` checks and does, as plain data: which secrets the Worker needs, which are
// missing, and the ordered steps with the exact commands, so a dry run can print them and a test
// can read them.

/**
 * The secrets a deployed Worker needs, and why; ADMIN_TOKEN only where Cloudflare Access does not
 * guard /admin.
 */
export function requiredSecrets(
  vars: Record<string, unknown>,
): { name: string; why: string; make: string }[] {
  const access =
    String(vars.ACCESS_TEAM_DOMAIN ?? "").trim() !== "" &&
    String(vars.ACCESS_AUD ?? "").trim() !== "";
  return [
    {
      name: "CONSENT_SECRET",
      why: "signs the consent cookie: without it no visitor's choice can be recorded",
      make: "openssl rand -base64 32",
    },
    {
      name: "LEDGER_SIGNING_KEY",
      why: "signs the ledger's checkpoints",
      make: "npm run consent:keygen (the private key)",
    },
    ...(access
      ? []
      : [
          {
            name: "ADMIN_TOKEN",
            why: "opens /admin to the compliance tools (or set ACCESS_TEAM_DOMAIN and ACCESS_AUD)",
            make: "openssl rand -base64 32",
          },
        ]),
  ];
}

/** The required secrets that are neither set on the Worker nor in the --secrets-file. */
export function missingSecrets(
  required: { name: string }[],
  set: Iterable<string>,
  fromFile: Iterable<string> = [],
): string[] {
  const have = new Set([...set, ...fromFile]);
  return required.map((secret) => secret.name).filter((name) => !have.has(name));
}

/** The names a secrets file gives values to: dotenv lines (`NAME=value`) or a JSON object. */
export function secretNamesIn(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return Object.keys(JSON.parse(trimmed) as object);
  return trimmed
    .split("\n")
    .map((line) => /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && !/^\s*#/.test(name));
}

export type DeployOptions = {
  env: string;
  database: string;
  secrets: string[];
  secretsFile?: string;
  outdir: string;
};

export type DeployStep = {
  id:
    | "content"
    | "secrets"
    | "database"
    | "migrations"
    | "deploy-admin"
    | "deploy"
    | "publish"
    | "check";
  title: string;
  /** The command the step runs (wrangler's arguments, or npm's), as printed by a dry run. */
  command: string;
  /** A dry run runs it too: it only reads the project (validation, wrangler's own --dry-run). */
  inDryRun: boolean;
};

/**
 * `--env ""` names the top-level environment, which wrangler otherwise warns is ambiguous
 * beside [env.staging].
 */
export function envFlag(env: string): string[] {
  return ["--env", env];
}

export function deploySteps(options: DeployOptions, dryRun: boolean): DeployStep[] {
  const env = options.env ? `--env ${options.env}` : '--env ""';
  return [
    {
      id: "content",
      title: "Validate content/",
      command: "npm run content:validate",
      inDryRun: true,
    },
    {
      id: "secrets",
      title: `Check the Worker's secrets are set: ${options.secrets.join(", ")}`,
      command: `wrangler secret list --format json ${env}`,
      inDryRun: false,
    },
    {
      id: "database",
      title: `Create the D1 database ${options.database} if the account has none`,
      command: `wrangler d1 list --json, then wrangler d1 create ${options.database} if missing`,
      inDryRun: false,
    },
    {
      id: "migrations",
      title: "Apply the ledger's migrations to the remote D1",
      command: `wrangler d1 migrations apply LEDGER --remote ${env}`,
      inDryRun: false,
    },
    {
      id: "deploy-admin",
      title:
        "Deploy the compliance Worker first (/admin, the consent log's Durable Object, the cron): the site binds both",
      command: dryRun
        ? `wrangler deploy -c wrangler.admin.toml --dry-run --outdir ${options.outdir}/admin ${env}`
        : `wrangler deploy -c wrangler.admin.toml ${env}${options.secretsFile ? ` --secrets-file ${options.secretsFile}` : ""}`,
      inDryRun: true,
    },
    {
      id: "deploy",
      title: "Deploy the site's Worker (wrangler creates the KV namespace on the first deploy)",
      command: dryRun
        ? `wrangler deploy --dry-run --outdir ${options.outdir} ${env}`
        : `wrangler deploy ${env}${options.secretsFile ? ` --secrets-file ${options.secretsFile}` : ""}`,
      inDryRun: true,
    },
    {
      id: "publish",
      title: "Publish content/ to the Worker's KV",
      command: `npm run content:publish -- --remote --yes${options.env ? ` --env ${options.env}` : ""}`,
      inDryRun: false,
    },
    {
      id: "check",
      title: "Request /it/ and /en/ on the deployed Worker",
      command: "GET <the URL wrangler deployed to, or SITE_ORIGIN>/it/ and /en/",
      inDryRun: false,
    },
  ];
}

/**
 * The https URLs wrangler deployed to (its output file's "deploy" entry), and SITE_ORIGIN when it
 * is set.
 */
export function deployedUrls(outputFile: string, siteOrigin: string): string[] {
  const targets = outputFile
    .split("\n")
    .filter((line) => line.trim().startsWith("{"))
    .map((line) => JSON.parse(line) as { type?: string; targets?: string[] })
    .filter((entry) => entry.type === "deploy")
    .flatMap((entry) => entry.targets ?? [])
    .map((target) => (/^https?:\/\//.test(target) ? target : `https://${target}`));
  return [...new Set([...(siteOrigin ? [siteOrigin] : []), ...targets])].map((url) =>
    url.replace(/\/+$/, ""),
  );
}
