// npm run consent:ropa: writes the record of processing (GDPR art. 30) into README.md from
// content/consent.json, the source the cookie notice and the dashboard use too. `--check` only says
// whether the README is up to date.
import { readFile, writeFile } from "node:fs/promises";
import { buildConsentView } from "../content/consent-view.ts";
import { replaceRecordSection } from "../content/record-markdown.ts";
import type { AdminStrings } from "../content/schema.ts";
import { validateContent } from "../content/validate.ts";
import { parseCommandLine } from "./lib/cli.ts";
import { readContentFiles } from "./lib/content-files.ts";

const values = parseCommandLine(
  { check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  `Usage: npm run consent:ropa -- [--check]

Writes the record of processing (GDPR art. 30) into README.md from content/consent.json. --check only says
whether the README is up to date (exit 1 when stale).`,
);

const README = new URL("../README.md", import.meta.url).pathname;
const result = validateContent(await readContentFiles());
if (!result.ok) {
  console.error("content/ is invalid: run npm run content:validate");
  process.exit(2);
}
const view = buildConsentView(
  result.bundle.consent,
  "en",
  "readme",
  result.bundle.strings.en.dates,
);
const before = await readFile(README, "utf8");
const admin = JSON.parse(
  await readFile(new URL("../content/admin.json", import.meta.url), "utf8"),
) as { en: AdminStrings };
const after = replaceRecordSection(before, view, admin.en.record);
if (values.check) {
  console.log(
    after === before
      ? "README.md's record of processing is up to date."
      : "README.md's record of processing is stale: run npm run consent:ropa",
  );
  process.exit(after === before ? 0 : 1);
}
await writeFile(README, after);
console.log(
  after === before
    ? "README.md was up to date."
    : "README.md: record of processing rewritten from content/consent.json.",
);
