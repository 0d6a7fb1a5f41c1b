// What the editors' commands share: arguments, the KV target, loading valid content, progress, and failing clearly.
import { isAbsolute, relative } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { ContentBundle } from "../../content/build.ts";
import { formatProblem, validateContent } from "../../content/validate.ts";
import { CONTENT_DIR, readContentFiles } from "./content-files.ts";
import type { KvTarget, Progress } from "./kv-client.ts";

/** A failure the editor can act on: printed as one message, without a stack trace. */
export class CliError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The options every command that touches KV takes, as wrangler names them. */
export const TARGET_OPTIONS = {
  local: { type: "boolean" },
  remote: { type: "boolean" },
  env: { type: "string" },
  "persist-to": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** Parses the command line; `--help` prints `usage` and exits, an unknown option is a CliError. */
export function parseCommandLine<O extends Options>(options: O, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({ options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed.values;
}

/** Local unless `--remote`, as in wrangler. */
export function targetOf(values: { local?: boolean; remote?: boolean; env?: string; "persist-to"?: string }): KvTarget {
  if (values.local && values.remote) throw new CliError("choose one of --local and --remote");
  if (values.remote && values["persist-to"]) throw new CliError("--persist-to only applies to local KV");
  return { remote: values.remote === true, env: values.env, persistTo: values["persist-to"] };
}

/** The wrangler flags of a target, to print a follow-up command the editor can paste. */
export function targetFlags(target: KvTarget): string {
  const flags = [
    ...(target.remote ? ["--remote"] : []),
    ...(target.env ? ["--env", target.env] : []),
    ...(target.persistTo ? ["--persist-to", target.persistTo] : []),
  ];
  return flags.length > 0 ? ` -- ${flags.join(" ")}` : "";
}

/** A positive whole number from an option, or the default. */
export function countOption(value: string | undefined, name: string, fallback: number, minimum = 1): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < minimum) throw new CliError(`--${name} must be a whole number ≥ ${minimum}, got "${value}"`);
  return count;
}

/** Reads and validates the content folder; prints every problem as `file: field.path: message` and fails if any. */
export async function loadValidContent(dir = CONTENT_DIR, consequence = "nothing was published"): Promise<ContentBundle> {
  const files = await readContentFiles(dir);
  const result = validateContent(files);
  if (result.ok) return result.bundle;
  const shown = displayPath(dir);
  for (const problem of result.problems) console.error(formatProblem({ ...problem, file: `${shown}/${problem.file}` }));
  const count = result.problems.length;
  throw new CliError(`${count} problem${count === 1 ? "" : "s"} in ${shown}/: ${consequence}.`);
}

/** A folder as the editor would type it: relative when it is under the current one. */
function displayPath(dir: string): string {
  const path = relative(process.cwd(), dir);
  if (path === "") return ".";
  return path.startsWith("..") || isAbsolute(path) ? dir.replace(/\/+$/, "") : path;
}

/** Progress on stderr: rewritten in place on a terminal, one line per step otherwise (logs, tests). */
export function progressLine(label: string): Progress {
  return (done, total) => {
    const text = `${label}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} keys`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}${done === total ? "\n" : ""}`);
    else process.stderr.write(`${text}\n`);
  };
}

/** Runs a command: a CliError becomes one line on stderr and exit code 1; anything else keeps its stack. */
export function runCommand(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      console.error(error instanceof CliError ? `\n${error.message}` : error);
      process.exitCode = 1;
    });
}
