// npm run content:schema: writes the JSON Schemas of the content files (content/schema/*.json) from
// content/schema.ts, and makes every content file name its schema in "$schema". `--check` changes
// nothing and fails when either is stale.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SCHEMA_DIR, generateJsonSchemas, schemaRefFor } from "../content/json-schema.ts";
import { renderOutageStrings } from "../content/outage-strings.ts";
import type { Strings } from "../content/schema.ts";
import { CliError, parseCommandLine, runCommand } from "./lib/cli.ts";
import { CONTENT_DIR, readContentFiles } from "./lib/content-files.ts";
import { withSchemaRef } from "./lib/schema-ref.ts";

const USAGE = `Usage: npm run content:schema [-- --check] [--content-dir DIR]

Generates content/schema/*.schema.json from the zod schema in content/schema.ts and adds "$schema" to every
content file that lacks it, so an editor (VS Code, or any program that reads JSON Schema) checks the files
while they are typed; and content/outage-strings.json, the labels the Worker bundles for error pages it shows
when KV cannot be read. Run it after changing content/schema.ts or strings.json.
  --check         write nothing; exit 1 if a schema file or a "$schema" reference is out of date`;

const OUTAGE_FILE = "outage-strings.json";

runCommand(async () => {
  const values = parseCommandLine(
    {
      check: { type: "boolean" },
      "content-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  const dir = values["content-dir"] ?? CONTENT_DIR;
  const stale: string[] = [];
  for (const [file, text] of generateJsonSchemas()) {
    const path = join(dir, SCHEMA_DIR, file);
    if ((await readFile(path, "utf8").catch(() => null)) === text) continue;
    stale.push(SCHEMA_DIR + file);
    if (!values.check)
      await mkdir(join(dir, SCHEMA_DIR), { recursive: true }).then(() => writeFile(path, text));
  }
  for (const file of await readContentFiles(dir)) {
    const ref = schemaRefFor(file.path);
    if (!ref) continue;
    const text = withSchemaRef(file.text, ref);
    if (text === file.text) continue;
    stale.push(file.path);
    if (!values.check) await writeFile(join(dir, file.path), text);
  }
  // The labels the Worker bundles for error pages without KV: a copy of part of strings.json, kept
  // in step here.
  const strings = JSON.parse(await readFile(join(dir, "strings.json"), "utf8")) as Strings & {
    $schema?: string;
  };
  const outage = renderOutageStrings(strings);
  if ((await readFile(join(dir, OUTAGE_FILE), "utf8").catch(() => null)) !== outage) {
    stale.push(OUTAGE_FILE);
    if (!values.check) await writeFile(join(dir, OUTAGE_FILE), outage);
  }
  if (values.check && stale.length > 0) {
    throw new CliError(
      `Out of date: ${stale.join(", ")}.\nRun npm run content:schema and commit the result.`,
    );
  }
  console.log(
    stale.length === 0
      ? "The JSON Schemas and $schema references are up to date."
      : `Updated ${stale.length} files: ${stale.join(", ")}.`,
  );
});
