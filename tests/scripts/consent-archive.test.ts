// D25: npm run consent:archive archives what each policy version showed, hashed as records say.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConsentView } from "../../content/consent-view.ts";
import { LOCALES } from "../../content/locales.ts";
import { validateContent } from "../../content/validate.ts";
import { readContentFiles } from "../../scripts/lib/content-files.ts";
import { createKvClient } from "../../scripts/lib/kv-client.ts";
import { type ArchiveManifest, archiveKey } from "../../worker/consent/archive-keys.ts";
import { computePolicyVersion, listShownCategories } from "../../worker/consent/policy-version.ts";
import { type RunResult, makeTemp, removeTemp, runScript } from "../helpers/editor-cli.ts";

const GA = "G-TEST12345";
let dir: string;
let first: RunResult;
let version: string;
/** The command as an editor runs it, into this file's folders, for a deployment running GA4. */
const archive = () =>
  runScript("consent-archive", [
    "--out",
    join(dir, "out"),
    "--persist-to",
    join(dir, "kv"),
    "--measurement-id",
    GA,
  ]);

beforeAll(async () => {
  dir = await makeTemp("consent-archive");
  const content = validateContent(await readContentFiles());
  if (!content.ok) throw new Error("content/ is invalid");
  version = await computePolicyVersion(
    listShownCategories(
      buildConsentView(content.bundle.consent, "it", "t", content.bundle.strings.it.dates),
      { GA_MEASUREMENT_ID: GA },
    ),
  );
  first = await archive();
}, 240_000);
afterAll(() => removeTemp(dir));

// D25: npm run consent:archive as an editor runs it: in Chromium, the banner and the preferences,
// IT/EN, phone and desktop, with the exact markup, stylesheet and script, on disk and in the
// CONTENT KV namespace the dashboard reads; the markup's hash is the D24 hash records of that
// policy carry; an archived version is never rewritten.
describe("D25: npm run consent:archive", () => {
  it("D25: captures every layer, language and width, with the markup, under the version the deployment runs (GA included)", async () => {
    expect(first.code, first.stderr).toBe(0);
    const manifest = JSON.parse(
      await readFile(join(dir, "out", version, "manifest.json"), "utf8"),
    ) as ArchiveManifest;
    expect(manifest.policyVersion).toBe(version);
    const files = manifest.files.map((f) => f.file).sort();
    for (const locale of LOCALES) {
      for (const layer of ["banner", "preferences"]) {
        expect(files).toContain(`${locale}-${layer}.html`);
        for (const viewport of ["phone", "desktop"])
          expect(files).toContain(`${locale}-${viewport}-${layer}.png`);
      }
    }
    for (const f of manifest.files) {
      const bytes = await readFile(join(dir, "out", version, f.file));
      expect(createHash("sha256").update(bytes).digest("hex"), f.file).toBe(f.sha256);
    }
    // With a measurement id the deployment shows Google Analytics: so does its archive.
    expect(await readFile(join(dir, "out", version, "it-preferences.html"), "utf8")).toContain(
      "Google Analytics",
    );
  });

  it("D25: stores the archive in KV, screenshots as base64, where the dashboard reads it", async () => {
    const kv = createKvClient({ remote: false, persistTo: join(dir, "kv") });
    const keys = [
      archiveKey(version, "manifest.json"),
      archiveKey(version, "it-phone-banner.png"),
      archiveKey(version, "it-banner.html"),
    ];
    const values = kv.get(keys);
    const manifest = JSON.parse(values.get(keys[0]!)!) as ArchiveManifest;
    const png = Buffer.from(values.get(keys[1]!)!, "base64");
    expect(createHash("sha256").update(png).digest("hex")).toBe(
      manifest.files.find((f) => f.file === "it-phone-banner.png")!.sha256,
    );
    expect(values.get(keys[2]!)).toBe(
      await readFile(join(dir, "out", version, "it-banner.html"), "utf8"),
    );
  });

  it("D25: a version already archived is never rewritten, on disk or in KV", async () => {
    const again = await archive();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `Policy ${version} is already archived in ${join(dir, "out", version)}`,
    );
    expect(again.stdout).toMatch(new RegExp(`Policy ${version} is already archived in local KV`));
  }, 120_000);

  it("D25: a measurement id that is not one is a usage error (exit 2)", async () => {
    const bad = await runScript("consent-archive", [
      "--out",
      join(dir, "bad"),
      "--persist-to",
      join(dir, "kv"),
      "--measurement-id",
      "UA-1",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("not a GA4 measurement id");
  }, 120_000);
});
