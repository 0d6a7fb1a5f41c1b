// Writes a content tree with N synthetic projects (default 10,000) for scale tests: content/'s plan
// and strings, generated projects.
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECTS_DIR, projectFileName } from "../content/validate.ts";
import { countOption, parseCommandLine, runCommand } from "./lib/cli.ts";
import { CONTENT_DIR } from "./lib/content-files.ts";
import { syntheticProjects } from "./lib/synthetic-projects.ts";

const USAGE = `Usage: npm run content:generate -- [--count N] [--out DIR]

Writes a content tree with N synthetic projects (default 10000) and content/'s plan and strings, for scale tests,
to DIR (default: a new folder under the system's temporary directory).`;

const values = parseCommandLine(
  { count: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
  USAGE,
);

runCommand(async () => {
  const count = countOption(values.count, "count", 10_000);
  const out = values.out ?? (await mkdtemp(join(tmpdir(), "fvm-synthetic-")));
  await mkdir(join(out, PROJECTS_DIR), { recursive: true });
  for (const name of await readdir(CONTENT_DIR)) {
    if (name.endsWith(".json")) await copyFile(join(CONTENT_DIR, name), join(out, name));
  }
  await writeFile(
    join(out, "SYNTHETIC.md"),
    `Synthetic content for scale tests, written by scripts/generate-projects.ts: ${count} generated projects, all illustrative. Not real data.\n`,
  );
  for (const project of syntheticProjects(count)) {
    await writeFile(
      join(out, PROJECTS_DIR, projectFileName(project)),
      `${JSON.stringify(project, null, 2)}\n`,
    );
  }
  console.log(`Wrote ${count} synthetic projects to ${out}`);
});
