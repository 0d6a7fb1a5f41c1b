// npm run deploy: the dry run an operator reads before deploying, and the checks that stop it.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  deployedUrls,
  deploySteps,
  missingSecrets,
  requiredSecrets,
  secretNamesIn,
} from "../../scripts/lib/deploy-plan.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

function deploy(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_(config|lifecycle)_/.test(name)),
  );
  // No Cloudflare account here: any step that reached the API would fail the run.
  const child = spawn(process.execPath, ["scripts/deploy.ts", ...args], {
    cwd: ROOT,
    env: { ...clean, CLOUDFLARE_API_TOKEN: "", WRANGLER_SEND_METRICS: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (result.stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (result.stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, ...result }));
  });
}

// npm run deploy: the dry run an operator reads before deploying, and the checks that stop a deploy
// early.
describe("npm run deploy -- --dry-run", () => {
  it("prints every step in order with its command, runs wrangler's own dry run, and changes nothing", async () => {
    const { code, stdout, stderr } = await deploy(["--dry-run"]);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const titles = [...stdout.matchAll(/^(\d)\/8 (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(titles).toEqual([
      "1 Validate content/",
      "2 Check the Worker's secrets are set: CONSENT_SECRET, LEDGER_SIGNING_KEY, ADMIN_TOKEN",
      "3 Create the D1 database far-volare-ledger if the account has none",
      "4 Apply the ledger's migrations to the remote D1",
      "5 Deploy the compliance Worker first (/admin, the consent log's Durable Object, the cron): the site binds both",
      "6 Deploy the site's Worker (wrangler creates the KV namespace on the first deploy)",
      "7 Publish content/ to the Worker's KV",
      "8 Request /it/ and /en/ on the deployed Worker",
    ]);
    expect(stdout).toContain('$ wrangler d1 migrations apply LEDGER --remote --env ""');
    expect(stdout).toContain("$ npm run content:publish -- --remote --yes");
    expect(stdout).toContain("content is valid: 50 projects");
    // Steps 5 and 6 are wrangler's dry runs: the bundles are built and their bindings listed,
    // nothing uploaded.
    expect(stdout).toMatch(
      /\$ wrangler deploy -c wrangler.admin.toml --dry-run --outdir \S+ --env ""/,
    );
    expect(stdout).toMatch(/\$ wrangler deploy --dry-run --outdir \S+ --env ""/);
    expect(stdout).toContain("env.LEDGER (far-volare-ledger)");
    expect(stdout).toContain("--dry-run: exiting now.");
    expect(stdout.match(/\(dry run: not run\)/g)).toHaveLength(5);
    expect(stdout.trimEnd().endsWith("Dry run: nothing was created, uploaded or changed.")).toBe(
      true,
    );
  });

  it("--env staging names the staging Worker and its own database; an unknown environment exits 2", async () => {
    const staging = deploySteps(
      {
        env: "staging",
        database: "far-volare-ledger-staging",
        secrets: ["CONSENT_SECRET"],
        outdir: "/tmp/x",
      },
      false,
    );
    expect(staging.map((s) => s.command)).toEqual([
      "npm run content:validate",
      "wrangler secret list --format json --env staging",
      "wrangler d1 list --json, then wrangler d1 create far-volare-ledger-staging if missing",
      "wrangler d1 migrations apply LEDGER --remote --env staging",
      "wrangler deploy -c wrangler.admin.toml --env staging",
      "wrangler deploy --env staging",
      "npm run content:publish -- --remote --yes --env staging",
      "GET <the URL wrangler deployed to, or SITE_ORIGIN>/it/ and /en/",
    ]);
    const unknown = await deploy(["--dry-run", "--env", "prod"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--env prod: No environment found in configuration with name "prod"',
    );
  });

  it("without a terminal and without --yes, a real deploy is refused at once (exit 2)", async () => {
    const { code, stderr, stdout } = await deploy([]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "Deploy far-volare-milano (production): this changes production. Without a terminal to ask on, pass --yes to confirm.",
    );
    expect(stdout).not.toContain("1/7");
  });
});

describe("the secrets a deploy checks", () => {
  it("CONSENT_SECRET and LEDGER_SIGNING_KEY always; ADMIN_TOKEN unless Cloudflare Access guards /admin", () => {
    expect(requiredSecrets({ ACCESS_TEAM_DOMAIN: "", ACCESS_AUD: "" }).map((s) => s.name)).toEqual([
      "CONSENT_SECRET",
      "LEDGER_SIGNING_KEY",
      "ADMIN_TOKEN",
    ]);
    expect(
      requiredSecrets({ ACCESS_TEAM_DOMAIN: "team.cloudflareaccess.com", ACCESS_AUD: "" }).map(
        (s) => s.name,
      ),
    ).toContain("ADMIN_TOKEN");
    expect(
      requiredSecrets({
        ACCESS_TEAM_DOMAIN: "team.cloudflareaccess.com",
        ACCESS_AUD: "aud123",
      }).map((s) => s.name),
    ).toEqual(["CONSENT_SECRET", "LEDGER_SIGNING_KEY"]);
  });

  it("names exactly the missing ones, counting those a --secrets-file brings", () => {
    const required = requiredSecrets({});
    expect(missingSecrets(required, ["CONSENT_SECRET", "OTHER"])).toEqual([
      "LEDGER_SIGNING_KEY",
      "ADMIN_TOKEN",
    ]);
    expect(
      missingSecrets(
        required,
        [],
        secretNamesIn('# first deploy\nCONSENT_SECRET=abc\nLEDGER_SIGNING_KEY=\'{"kty":"OKP"}\'\n'),
      ),
    ).toEqual(["ADMIN_TOKEN"]);
    expect(
      missingSecrets(
        required,
        ["ADMIN_TOKEN"],
        secretNamesIn('{"CONSENT_SECRET":"a","LEDGER_SIGNING_KEY":"b"}'),
      ),
    ).toEqual([]);
  });

  it("the pages checked are on the URLs wrangler reports, and on SITE_ORIGIN when set", () => {
    const output = [
      '{"type":"wrangler-session","version":1}',
      '{"type":"deploy","version":1,"targets":["https://far-volare-milano.team.workers.dev"]}',
    ].join("\n");
    expect(deployedUrls(output, "")).toEqual(["https://far-volare-milano.team.workers.dev"]);
    expect(deployedUrls(output, "https://farvolare.example/")).toEqual([
      "https://farvolare.example",
      "https://far-volare-milano.team.workers.dev",
    ]);
  });
});
