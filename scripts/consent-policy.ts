// npm run consent:policy [-- --record]: the consent policy's versions (with and without Google
// Analytics) and what changed since the last recorded policy; --record appends the policy in force
// to content/consent-history.json.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  HISTORY_FILE,
  describeForEditors,
  recordPolicy,
  substanceOf,
  unrecordedChanges,
} from "../content/consent-history.ts";
import { narrowSubstance } from "../content/consent-substance.ts";
import { ConsentConfig, ConsentHistory } from "../content/schema.ts";
import { hashSubstance } from "../worker/consent/policy-version.ts";
import { parseCommandLine } from "./lib/cli.ts";
import { CONTENT_DIR } from "./lib/content-files.ts";

const values = parseCommandLine(
  { record: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  `Usage: npm run consent:policy -- [--record]

Prints the consent policy's versions (with and without Google Analytics) and what changed since the last
recorded policy. --record appends the policy in force to content/consent-history.json (a substantive change:
everyone is asked again once it is published).`,
);
const record = values.record === true;
const config = ConsentConfig.safeParse(
  JSON.parse(await readFile(join(CONTENT_DIR, "consent.json"), "utf8")),
);
if (!config.success) {
  console.error("content/consent.json is invalid: run npm run content:validate");
  process.exit(2);
}
const historyPath = join(CONTENT_DIR, HISTORY_FILE);
const history = await readFile(historyPath, "utf8").then(
  (text) => ConsentHistory.parse(JSON.parse(text)),
  () => null,
);
const substance = substanceOf(config.data);
for (const [label, bindings] of [
  ["without Google Analytics", []],
  ["with GA_MEASUREMENT_ID", ["GA_MEASUREMENT_ID"]],
] as const) {
  console.log(
    `policy version ${label}: ${await hashSubstance(narrowSubstance(substance, new Set(bindings)))}`,
  );
}
const changes = history ? unrecordedChanges(history, config.data) : [];
if (history && changes.length === 0) {
  console.log("The policy in force is recorded in content/consent-history.json.");
} else if (!record) {
  console.log(
    history
      ? `Not recorded yet: ${describeForEditors(changes)}.`
      : "No content/consent-history.json yet.",
  );
  console.log(
    "Publishing this asks every visitor again. Record it with: npm run consent:policy -- --record",
  );
} else {
  const next = recordPolicy(history, config.data, new Date().toISOString().slice(0, 10));
  await writeFile(historyPath, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`Recorded in content/consent-history.json (${next.policies.length} policies).`);
}
