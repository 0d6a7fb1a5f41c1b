// Validates content/ and loads it into the local KV that `wrangler dev` uses, then points "live" at it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildVersion } from "../content/build.ts";
import { formatProblem, validateContent } from "../content/validate.ts";
import { POINTER_KEY } from "../content/views.ts";
import { readContentFiles } from "./lib/content-files.ts";
import { wrangler } from "./lib/wrangler.ts";

const persistArgs = process.env.PERSIST_TO ? ["--persist-to", process.env.PERSIST_TO] : [];

const result = validateContent(await readContentFiles());
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`\n${result.problems.length} problem(s): nothing was seeded.`);
  process.exit(1);
}
const built = await buildVersion(result.bundle);
const dir = await mkdtemp(join(tmpdir(), "fvm-seed-"));
try {
  const file = join(dir, "entries.json");
  const pointer = { version: built.version, publishedAt: new Date().toISOString() };
  const entries = [...built.entries].map(([key, value]) => ({ key, value }));
  await writeFile(file, JSON.stringify(entries));
  wrangler(["kv", "bulk", "put", file, "--binding", "CONTENT", "--local", ...persistArgs], { quiet: true });
  await writeFile(file, JSON.stringify([{ key: POINTER_KEY, value: JSON.stringify(pointer) }]));
  wrangler(["kv", "bulk", "put", file, "--binding", "CONTENT", "--local", ...persistArgs], { quiet: true });
  console.log(`Seeded local KV with content version ${built.version} (${entries.length} keys).`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
