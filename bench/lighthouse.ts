// npm run lighthouse: Lighthouse (mobile, its default settings) on the home page and a project page
// in both languages, against the production bundle served locally, in Debian's Chromium (nothing is
// downloaded). Full reports go to bench/lighthouse/*.report.{json,html} (not committed); the scores
// and every audit that is not perfect go to bench/lighthouse/summary.{json,md} (committed).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildBundle } from "../scripts/lib/bundle.ts";
import { serveBundle } from "../scripts/lib/serve-bundle.ts";
import { launch, lighthouse } from "../tests/tools/lighthouse.ts";
import { findSystemTool, missingToolMessage } from "../tests/tools/system.ts";
import { type LighthouseSummary, renderSummary, summarize } from "./lib/lighthouse-summary.ts";

const CHROMIUM = process.env.CHROME_PATH || findSystemTool("chromium");
if (!CHROMIUM) throw new Error(missingToolMessage("chromium"));
const OUT = new URL("./lighthouse/", import.meta.url).pathname;
const PAGES = {
  "home-it": "/it/",
  "home-en": "/en/",
  "project-it": "/it/progetti/milano-citta-della-life-sciences",
  "project-en": "/en/projects/milan-city-of-life-sciences",
};
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

await mkdir(OUT, { recursive: true });
const site = await serveBundle({ scriptPath: await buildBundle() });
const profile = await mkdtemp(join(tmpdir(), "fvm-lighthouse-profile-"));
const chrome = await launch({
  chromePath: CHROMIUM,
  chromeFlags: CHROME_FLAGS,
  userDataDir: profile,
});
const summaries: LighthouseSummary[] = [];
try {
  for (const [name, path] of Object.entries(PAGES)) {
    process.stderr.write(`lighthouse: ${path}\n`);
    const result = await lighthouse(site.url + path, {
      port: chrome.port,
      output: ["json", "html"],
      logLevel: "error",
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const [json, html] = result.report as string[];
    await writeFile(join(OUT, `${name}.report.json`), json!);
    await writeFile(join(OUT, `${name}.report.html`), html!);
    summaries.push(summarize(name, path, result.lhr));
  }
} finally {
  chrome.kill();
  await site.close();
  await rm(profile, { recursive: true, force: true });
}

const chromiumVersion = summaries[0]?.environment ?? "";
await writeFile(
  join(OUT, "summary.json"),
  `${JSON.stringify({ date: new Date().toISOString(), pages: summaries }, null, 2)}\n`,
);
const markdown = renderSummary(summaries, chromiumVersion);
await writeFile(join(OUT, "summary.md"), `# Lighthouse\n\n${markdown}`);
process.stdout.write(markdown);
