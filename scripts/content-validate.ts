// npm run content:validate: checks every content file and the rules across them; one line
// per problem.
import { LOCALES } from "../content/locales.ts";
import { loadValidContent, parseCommandLine, runCommand } from "./lib/cli.ts";

const USAGE = `Usage: npm run content:validate [-- --content-dir DIR]

Checks every file in content/ (or DIR) against the schema and the rules across files. Prints each problem as
"file: field.path: message" and exits with 1 if there is any.`;

runCommand(async () => {
  const values = parseCommandLine(
    { "content-dir": { type: "string" }, help: { type: "boolean", short: "h" } },
    USAGE,
  );
  const bundle = await loadValidContent(values["content-dir"], "fix them and run the check again");
  console.log(
    `Content is valid: the plan, its labels and ${bundle.projects.length} projects, in ${LOCALES.join(" and ")}.`,
  );
});
