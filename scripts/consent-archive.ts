// npm run consent:archive [-- --out DIR] [--local | --remote]: D25's archive of what a policy
// version showed. Serves the built Worker, then in Chromium captures the banner and the
// preferences, Italian and English, on a phone and a desktop, and writes them with the exact
// markup, stylesheet and script (and their hash, D24) under DIR/<policy version>/; then stores that
// archive in the CONTENT KV namespace, where the dashboard shows it beside the texts (why KV:
// worker/consent/archive-keys.ts). A version already archived is never rewritten.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildConsentView } from "../content/consent-view.ts";
import { LOCALES } from "../content/locales.ts";
import { pathFor } from "../content/paths.ts";
import { validateContent } from "../content/validate.ts";
import {
  computePolicyVersion,
  listShownCategories,
  readMeasurementId,
  serializeShownTexts,
} from "../worker/consent/policy-version.ts";
import { buildBundle } from "./lib/bundle.ts";
import { readContentFiles } from "./lib/content-files.ts";
import {
  type ArchiveManifest,
  archiveEntries,
  archiveKey,
} from "../worker/consent/archive-keys.ts";
import { CHANGE_OPTIONS, changeTargetOf, confirmRemote, parseCommandLine } from "./lib/cli.ts";
import { createKvClient } from "./lib/kv-client.ts";
import { importTsx } from "./lib/import-tsx.ts";
import { serveBundle } from "./lib/serve-bundle.ts";

const values = parseCommandLine(
  { ...CHANGE_OPTIONS, out: { type: "string" }, "measurement-id": { type: "string" } },
  `Usage: npm run consent:archive -- [--out DIR] [--local | --remote [--yes]] [--env NAME] [--persist-to DIR]
       [--measurement-id G-XXXXXXX]

Captures, in Chromium, the banner and the preferences of the policy version in force, Italian and English, phone
and desktop, with the exact markup, stylesheet and script and their hash, under DIR/<policy version>/ (default
consent-archive/), then stores them in the CONTENT KV namespace (local unless --remote) under
consent-archive/<policy version>/, where the dashboard shows them beside the texts. A version already archived
is never rewritten, on disk or in KV.
  --measurement-id  the GA_MEASUREMENT_ID the deployment runs with (default: the environment's), so the archive
                    is of the policy version its visitors are shown, Google Analytics included when it is set`,
);
const target = changeTargetOf(values);

const { hashShownMarkup, renderShownMarkup } = await importTsx<
  typeof import("../worker/consent/shown-markup.ts")
>("../../worker/consent/shown-markup.ts");

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The browser's driver is one of the test tools (tests/tools), not an editor's dependency:
// installed here when missing, with Debian's Chromium unless CHROMIUM_PATH names another; ensure.ts
// says in one line what it cannot do.
const ensure = new URL("../tests/tools/ensure.ts", import.meta.url).pathname;
const ensured = spawnSync(
  process.execPath,
  [ensure, ...(process.env.CHROMIUM_PATH ? [] : ["--system", "chromium"])],
  { stdio: "inherit" },
);
if (ensured.status !== 0) process.exit(2);
const { chromium } = await import("../tests/tools/playwright.ts");

const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const;
const root = values.out ?? new URL("../consent-archive/", import.meta.url).pathname;
const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const content = validateContent(await readContentFiles());
if (!content.ok) {
  console.error("content/ is invalid: run npm run content:validate");
  process.exit(2);
}
const views = LOCALES.map((locale) =>
  buildConsentView(content.bundle.consent, locale, "archive", content.bundle.strings[locale].dates),
);
// The archive is of the policy as the deployment shows it: with Google Analytics when it runs with
// a measurement id (that changes the policy version, the banner and the preferences, hence the
// records' shownHash).
const measurementId = values["measurement-id"] ?? process.env.GA_MEASUREMENT_ID ?? "";
if (measurementId && !readMeasurementId({ GA_MEASUREMENT_ID: measurementId })) {
  console.error(`--measurement-id ${measurementId} is not a GA4 measurement id (G-…)`);
  process.exit(2);
}
const bindings: Record<string, string> = measurementId ? { GA_MEASUREMENT_ID: measurementId } : {};
const policyVersion = await computePolicyVersion(listShownCategories(views[0]!, bindings));
const dir = join(root, policyVersion);
if (
  await access(join(dir, "manifest.json")).then(
    () => true,
    () => false,
  )
) {
  console.log(
    `Policy ${policyVersion} is already archived in ${dir}: an archive is never rewritten.`,
  );
} else {
  await capture();
}
await store();

/** Stores the version's archive from DIR in KV, unless KV already holds one for it. */
async function store(): Promise<void> {
  const kv = createKvClient(target);
  if (
    kv
      .get([archiveKey(policyVersion, "manifest.json")])
      .get(archiveKey(policyVersion, "manifest.json"))
  ) {
    console.log(
      `Policy ${policyVersion} is already archived in ${kv.where}: an archive is never rewritten.`,
    );
    return;
  }
  const manifest = JSON.parse(
    await readFile(join(dir, "manifest.json"), "utf8"),
  ) as ArchiveManifest;
  const contents = new Map<string, Uint8Array>();
  for (const { file } of manifest.files) contents.set(file, await readFile(join(dir, file)));
  await confirmRemote(`Store the archive of policy ${policyVersion} in ${kv.where}`, values);
  kv.put(archiveEntries(manifest, contents));
  console.log(
    `Stored the archive of policy ${policyVersion} in ${kv.where}: the dashboard shows it beside the texts.`,
  );
}

async function capture(): Promise<void> {
  await mkdir(dir, { recursive: true });

  const files: {
    file: string;
    sha256: string;
    locale?: string;
    viewport?: string;
    layer?: string;
  }[] = [];
  const put = async (
    file: string,
    bytes: string | Uint8Array,
    facts: Omit<(typeof files)[number], "file" | "sha256"> = {},
  ) => {
    await writeFile(join(dir, file), bytes);
    files.push({ file, sha256: sha256(bytes), ...facts });
  };

  const markup: Record<string, { hash: string; parts: Record<string, string>; textsHash: string }> =
    {};
  for (const view of views) {
    const categories = listShownCategories(view, bindings);
    const shown = renderShownMarkup(view, categories, policyVersion);
    markup[view.locale] = {
      ...(await hashShownMarkup(shown)),
      textsHash: sha256(serializeShownTexts(view, categories)),
    };
    await put(`${view.locale}-banner.html`, shown.banner, { locale: view.locale, layer: "banner" });
    await put(`${view.locale}-preferences.html`, shown.preferences, {
      locale: view.locale,
      layer: "preferences",
    });
    if (view.locale === LOCALES[0]) {
      await put("stylesheet.css", shown.stylesheet);
      await put("consent.js", shown.script);
    }
  }

  const site = await serveBundle({ scriptPath: await buildBundle(), bindings });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    for (const locale of LOCALES) {
      for (const [name, viewport] of Object.entries(VIEWPORTS)) {
        const context = await browser.newContext({
          viewport,
          locale,
          deviceScaleFactor: name === "phone" ? 2 : 1,
        });
        const page = await context.newPage();
        await page.goto(`${site.url}${pathFor(locale, { page: "home" })}`);
        await put(
          `${locale}-${name}-banner.png`,
          await page.locator("[data-consent-banner]").screenshot(),
          { locale, viewport: name, layer: "banner" },
        );
        await page.goto(`${site.url}${pathFor(locale, { page: "cookies" })}`);
        await put(
          `${locale}-${name}-preferences.png`,
          await page.locator("#preferences").screenshot(),
          { locale, viewport: name, layer: "preferences" },
        );
        await context.close();
      }
    }
    const manifest = {
      policyVersion,
      capturedAt: new Date().toISOString(),
      chromium: browser.version(),
      markup,
      files,
    };
    await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`Archived policy ${policyVersion}: ${files.length} files in ${dir}`);
  } finally {
    await browser.close();
    await site.close();
  }
}
