// The compliance officer's round trip on a served site: decide, find it in the dashboard, export, verify, tamper.
// And the same export read straight from a local D1 through wrangler.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair } from "../../worker/ledger/signing.ts";
import { buildBundle } from "../../scripts/lib/bundle.ts";
import { splitSql } from "../../scripts/lib/ledger-migrations.ts";
import { type ServedSite, serveBundle } from "../../scripts/lib/serve-bundle.ts";
import { wrangler } from "../../scripts/lib/wrangler.ts";
import { runConsentCli } from "../helpers/consent-cli.ts";
import { testChain, testKeys } from "../helpers/ledger-chain.ts";

const TOKEN = "cli-test-token-0123456789abcdefghijklmnopqrstuv";
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fvm-consent-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("from decisions on the site to a verified export", () => {
  let site: ServedSite;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    keys = await generateKeyPair();
    site = await serveBundle({ scriptPath: await buildBundle(), bindings: { ADMIN_TOKEN: TOKEN, LEDGER_SIGNING_KEY: keys.privateJwk } });
  }, 120_000);
  afterAll(() => site?.close());

  it("decisions show up in the dashboard, export over --url, verify, and one changed byte is pinned to its record", async () => {
    const decide = (body: string) =>
      fetch(`${site.url}/consent`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url }, body });
    for (const body of ["action=accept_all&return=/it/", "action=reject_all&return=/en/", "action=close&return=/it/", "action=save&cat_media=on&source=preferences&return=/en/cookies"]) {
      expect((await decide(body)).status).toBe(303);
    }
    const dashboard = await fetch(`${site.url}/admin/`, { headers: { Authorization: `Basic ${btoa(`officer:${TOKEN}`)}` } });
    const html = await dashboard.text();
    expect(html).toMatch(/<dt>decisions<\/dt><dd>4<\/dd>/);

    const file = join(dir, "site.ndjson");
    const exported = await runConsentCli("export", ["--url", site.url, "--format", "ndjson", "--out", file], { ADMIN_TOKEN: TOKEN });
    expect(exported.code, exported.out).toBe(0);
    const valid = await runConsentCli("verify", [file, "--public-key", keys.publicKey]);
    expect(valid.code, valid.out).toBe(0);
    expect(valid.out).toContain("signed checkpoints cover the chain up to seq 4");

    const lines = (await readFile(file, "utf8")).split("\n");
    lines[2] = lines[2]!.replace('"locale":"en"', '"locale":"it"');
    await writeFile(file, lines.join("\n"));
    const tampered = await runConsentCli("verify", [file, "--public-key", keys.publicKey]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/\[changed\] record seq 2 \(line 3/);
  });

  it("without the token the export is refused", async () => {
    const refused = await runConsentCli("export", ["--url", site.url, "--out", join(dir, "refused.csv")], { ADMIN_TOKEN: "wrong-token-0123456789abcdefghijklmnop" });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("answered 401");
  });
});

describe("--local: straight from the D1 wrangler keeps on disk", () => {
  it("exports through wrangler d1 execute, verifies, and logs the export", async () => {
    const persist = join(dir, "state");
    wrangler(["d1", "migrations", "apply", "LEDGER", "--local", "--persist-to", persist], { quiet: true });
    const { records } = await testChain(3, (await testKeys()).signer);
    const values = records
      .map((r) => `(${r.seq}, '${r.eventId}', '${r.consentId}', '${r.recordedAt}', '${r.action}', '${r.method}', '[]', '${JSON.stringify(r.categories)}', '${r.locale}', '${r.policyVersion}', '${r.textsHash}', '${r.prevHash}', '${r.hash}')`)
      .join(", ");
    wrangler(["d1", "execute", "LEDGER", "--local", "--persist-to", persist, "--command",
      `INSERT INTO consent_texts VALUES ('${"ab".repeat(32)}', 'a1b2c3d4e5f6', 'it', '{}', '2026-01-01T00:00:00.000Z'); INSERT INTO consent_records VALUES ${values};`], { quiet: true });

    const file = join(dir, "local.csv");
    const exported = await runConsentCli("export", ["--local", "--persist-to", persist, "--from", "2026-01-01", "--to", "2026-01-01", "--out", file]);
    expect(exported.code, exported.out).toBe(0);
    expect((await readFile(file, "utf8")).trimEnd().split("\r\n")).toHaveLength(4);
    const verified = await runConsentCli("verify", [file, "--no-signatures"]);
    expect(verified.code, verified.out).toBe(0);
    const log = JSON.parse(wrangler(["d1", "execute", "LEDGER", "--local", "--persist-to", persist, "--json", "--command", "SELECT principal, auth, kind, query FROM admin_access"], { quiet: true })) as { results: { principal: string; auth: string; kind: string; query: string }[] }[];
    expect(log[0]!.results).toMatchObject([{ auth: "cli", kind: "export", query: "from=2026-01-01&to=2026-01-01&format=csv" }]);
  }, 180_000);
});

describe("migrations outside wrangler", () => {
  it("split at statement ends, keeping trigger bodies whole", () => {
    const sql = "CREATE TABLE a (x INT); -- note\nCREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;\nCREATE INDEX i ON a (x);\n";
    expect(splitSql(sql)).toEqual(["CREATE TABLE a (x INT);", "CREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;", "CREATE INDEX i ON a (x);"]);
  });
});
