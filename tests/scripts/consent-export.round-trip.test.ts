// The compliance officer's round trip: decide, find it, export, verify, tamper; and from local D1.
import { THREE_RECORD_ROWS } from "../helpers/decisions.ts";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair } from "../../worker/ledger/signing.ts";
import { splitSql } from "../../scripts/lib/ledger-migrations.ts";
import type { ServedSite } from "../../scripts/lib/serve-bundle.ts";
import { serveBuilt } from "../helpers/site.ts";
import { wrangler } from "../../scripts/lib/wrangler.ts";
import { runConsentCli } from "../helpers/consent-cli.ts";
import { memoryLog } from "../../scripts/lib/consent-memory-log.ts";
import { importSigner } from "../../worker/ledger/signing.ts";

const TOKEN = "cli-test-token-0123456789abcdefghijklmnopqrstuv";
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fvm-consent-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// The compliance officer's round trip on a served site: decide, find it in the dashboard, export,
// verify, tamper. And the same export read straight from a local D1 through wrangler.
describe("from decisions on the site to a verified export", () => {
  let site: ServedSite;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    keys = await generateKeyPair();
    site = await serveBuilt({
      bindings: { ADMIN_TOKEN: TOKEN, LEDGER_SIGNING_KEY: keys.privateJwk },
    });
  }, 120_000);
  afterAll(() => site?.close());

  it("decisions show up in the dashboard, export over --url, verify, and one changed byte is pinned to its record", async () => {
    const decide = (body: string) =>
      fetch(`${site.url}/consent`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url },
        body,
      });
    for (const body of [
      "action=accept_all&return=/it/",
      "action=reject_all&return=/en/",
      "action=close&return=/it/",
      "action=save&cat_media=on&source=preferences&return=/en/cookies",
    ]) {
      expect((await decide(body)).status).toBe(303);
    }
    const dashboard = await fetch(`${site.url}/admin/`, {
      headers: { Authorization: `Basic ${btoa(`officer:${TOKEN}`)}`, "Accept-Language": "en" },
    });
    const html = await dashboard.text();
    expect(html).toMatch(/<dt>decisions<\/dt><dd>4<\/dd>/);

    const file = join(dir, "site.ndjson");
    const exported = await runConsentCli(
      "export",
      ["--url", site.url, "--format", "ndjson", "--out", file],
      { ADMIN_TOKEN: TOKEN },
    );
    expect(exported.code, exported.out).toBe(0);
    const valid = await runConsentCli("verify", [file, "--public-key", keys.publicKey]);
    expect(valid.code, valid.out).toBe(0);
    expect(valid.out).toContain("tree head: 4 leaves");

    const lines = (await readFile(file, "utf8")).split("\n");
    lines[3] = lines[3]!.replace('"locale":"en"', '"locale":"it"');
    await writeFile(file, lines.join("\n"));
    const tampered = await runConsentCli("verify", [file, "--public-key", keys.publicKey]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(
      /\[tampered\] record seq 2 \(line 4, event [^)]+\) does not match its leaf hash/,
    );

    // The head the site publishes verifies too, and a later export proves it extends it.
    const published = await (await fetch(`${site.url}/consent/log/head`)).json<{
      treeHead: { size: number };
      publicKey: string;
    }>();
    expect(published.publicKey).toBe(keys.publicKey);
    const kept = join(dir, "kept-head.json");
    await writeFile(kept, JSON.stringify(published));
    expect((await decide("action=reject_all&return=/it/")).status).toBe(303);
    const later = join(dir, "later.ndjson");
    expect(
      (
        await runConsentCli(
          "export",
          [
            "--url",
            site.url,
            "--format",
            "ndjson",
            "--since-size",
            String(published.treeHead.size),
            "--out",
            later,
          ],
          { ADMIN_TOKEN: TOKEN },
        )
      ).code,
    ).toBe(0);
    const extended = await runConsentCli("verify", [
      later,
      "--public-key",
      keys.publicKey,
      "--since",
      kept,
    ]);
    expect(extended.code, extended.out).toBe(0);
    expect(extended.out).toContain("the head extends the one you kept (4 leaves)");
  });

  it("without the token the export is refused", async () => {
    const refused = await runConsentCli(
      "export",
      ["--url", site.url, "--out", join(dir, "refused.csv")],
      { ADMIN_TOKEN: "wrong-token-0123456789abcdefghijklmnop" },
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("answered 401");
  });
});

describe("--local: straight from the D1 wrangler keeps on disk", () => {
  it("exports through wrangler d1 execute, proofs and a signed manifest included, verifies, and logs the export", async () => {
    const persist = join(dir, "state");
    // One day's records from the D1 wrangler keeps on disk, as the CLI exports them.
    const exportLocal = (out: string, env: Record<string, string> = {}) =>
      runConsentCli(
        "export",
        [
          "--local",
          "--persist-to",
          persist,
          "--from",
          "2026-01-01",
          "--to",
          "2026-01-01",
          "--out",
          out,
        ],
        env,
      );
    wrangler(["d1", "migrations", "apply", "LEDGER", "--local", "--persist-to", persist], {
      quiet: true,
    });
    // A log made by the log's own code (in memory), copied row by row into the D1 wrangler keeps
    // on disk.
    const pair = await generateKeyPair();
    const memory = await memoryLog(await importSigner(pair.privateJwk));
    const base = {
      categories: { necessary: true, media: false },
      method: "banner" as const,
      locale: "it" as const,
      policyVersion: "a1b2c3d4e5f6",
      texts: "{}",
      action: "reject_all" as const,
    };
    await memory.append(
      [1, 2, 3].map((i) => ({
        ...base,
        eventId: `event-local-${i}`,
        consentId: `consent-local-${i}`,
      })),
      "2026-01-01T10:00:00.000Z",
    );
    const dump = (table: string, rows: Record<string, unknown>[]) =>
      rows
        .map(
          (r) =>
            `INSERT INTO ${table} (${Object.keys(r).join(", ")}) VALUES (${Object.values(r)
              .map((v) =>
                v === null
                  ? "NULL"
                  : typeof v === "number"
                    ? v
                    : `'${String(v).replace(/'/g, "''")}'`,
              )
              .join(", ")});`,
        )
        .join(" ");
    const all = async (table: string) =>
      (await memory.db.prepare(`SELECT * FROM ${table}`).all<Record<string, unknown>>()).results;
    const sql = [
      dump("consent_texts", await all("consent_texts")),
      dump("consent_records", await all("consent_records")),
      dump(
        "ledger_nodes",
        (await all("ledger_nodes")).sort(
          (a, b) => Number(a.level) - Number(b.level) || Number(a.idx) - Number(b.idx),
        ),
      ),
      dump(
        "ledger_heads",
        (await all("ledger_heads")).map(({ id: _id, ...h }) => h),
      ),
    ].join(" ");
    wrangler(["d1", "execute", "LEDGER", "--local", "--persist-to", persist, "--command", sql], {
      quiet: true,
    });

    const file = join(dir, "local.csv");
    const exported = await exportLocal(file, { LEDGER_SIGNING_KEY: pair.privateJwk });
    expect(exported.code, exported.out).toBe(0);
    expect(
      (await readFile(file, "utf8"))
        .trimEnd()
        .split("\r\n")
        .map((l) => l.split(",")[0]),
    ).toEqual(THREE_RECORD_ROWS);
    const verified = await runConsentCli("verify", [file, "--public-key", pair.publicKey]);
    expect(verified.code, verified.out).toBe(0);
    const unsigned = join(dir, "local-unsigned.csv");
    expect((await exportLocal(unsigned)).code).toBe(0);
    expect((await runConsentCli("verify", [unsigned, "--public-key", pair.publicKey])).code).toBe(
      3,
    );
    const log = JSON.parse(
      wrangler(
        [
          "d1",
          "execute",
          "LEDGER",
          "--local",
          "--persist-to",
          persist,
          "--json",
          "--command",
          "SELECT principal, auth, kind, query FROM admin_access",
        ],
        { quiet: true },
      ),
    ) as { results: { principal: string; auth: string; kind: string; query: string }[] }[];
    expect(log[0]!.results).toMatchObject([
      { auth: "cli", kind: "export", query: "from=2026-01-01&to=2026-01-01&format=csv" },
      { auth: "cli", kind: "export", query: "from=2026-01-01&to=2026-01-01&format=csv" },
    ]);

    const erased = await runConsentCli("erase", [
      "--local",
      "--persist-to",
      persist,
      "--consent-id",
      "consent-local-2",
    ]);
    expect(erased.code, erased.out).toBe(0);
    expect(erased.out).toContain("Erased 1 record bodies of consent-local-2");
    const after = join(dir, "local-after.ndjson");
    expect(
      (
        await runConsentCli(
          "export",
          ["--local", "--persist-to", persist, "--format", "ndjson", "--out", after],
          { LEDGER_SIGNING_KEY: pair.privateJwk },
        )
      ).code,
    ).toBe(0);
    const still = await runConsentCli("verify", [after, "--public-key", pair.publicKey]);
    expect(still.code, still.out).toBe(0);
    expect(still.out).toContain("2 records, 1 redacted leaves");
  }, 180_000);
});

describe("migrations outside wrangler", () => {
  it("split at statement ends, keeping trigger bodies whole", () => {
    const sql =
      "CREATE TABLE a (x INT); -- note\nCREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;\nCREATE INDEX i ON a (x);\n";
    expect(splitSql(sql)).toEqual([
      "CREATE TABLE a (x INT);",
      "CREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;",
      "CREATE INDEX i ON a (x);",
    ]);
  });
});
