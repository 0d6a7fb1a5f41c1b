// What the editors' commands share: arguments, the KV target, loading valid content, progress, and
// failing clearly.
import { isAbsolute, relative } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { ContentBundle } from "../../content/build.ts";
import { formatProblem, validateContent } from "../../content/validate.ts";
import { CONTENT_DIR, readContentFiles } from "./content-files.ts";
import type { KvTarget, Progress } from "./kv-client.ts";

/** A failure the editor can act on: printed as one message, without a stack trace; exit code 1. */
export class CliError extends Error {}

/**
 * The command line itself is wrong (an unknown flag, a flag npm kept, no confirmation): exit code
 * 2, as usage errors.
 */
export class UsageError extends CliError {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The options every command that touches KV takes, as wrangler names them. */
export const TARGET_OPTIONS = {
  local: { type: "boolean" },
  remote: { type: "boolean" },
  env: { type: "string" },
  "persist-to": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/**
 * The options of a command that changes KV: the target's, and `--yes` to confirm a `--remote`
 * change without a terminal.
 */
export const CHANGE_OPTIONS = {
  ...TARGET_OPTIONS,
  yes: { type: "boolean", short: "y" },
} as const satisfies Options;

/**
 * npm's own configuration names that a user may also set in an .npmrc: only `--dry-run` is refused
 * when npm kept it.
 */
const NPM_OWN = new Set(["yes", "scope"]);

export type CommandLine =
  | {
      kind: "run";
      values: Record<string, string | boolean | (string | boolean)[] | undefined>;
      positionals: string[];
    }
  | { kind: "help" }
  | { kind: "usage"; message: string };

/**
 * Reads a command line without acting on it. A flag written before npm's `--` never reaches the
 * script: npm keeps it as its own config and passes it on as `npm_config_<name>`. That is refused,
 * with the command the user meant, because the script would otherwise run without it (`--dry-run`
 * kept by npm would publish for real).
 */
export function readCommandLine(
  options: Options,
  args: string[],
  env: NodeJS.ProcessEnv,
  config: { positionals?: boolean } = {},
): CommandLine {
  const kept = Object.keys(options).filter((name) => {
    const value = env[`npm_config_${name.replaceAll("-", "_")}`];
    if (!value || value === "false") return false;
    return name === "dry-run" || !NPM_OWN.has(name);
  });
  if (env.npm_config_dry_run === "true" && !kept.includes("dry-run")) kept.unshift("dry-run");
  if (kept.length > 0) return { kind: "usage", message: keptByNpm(kept, options, args, env) };
  try {
    const parsed = parseArgs({
      args: joinDashValues(options, args),
      options,
      strict: true,
      allowPositionals: config.positionals === true,
    });
    if (parsed.values.help === true) return { kind: "help" };
    return { kind: "run", values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    return { kind: "usage", message: (error as Error).message };
  }
}

/**
 * A string option's value may itself begin with a dash (a base64url key such as `-Xk3…`);
 * node's parser refuses `--public-key -Xk3…` as ambiguous. A value that is not one of the
 * command's own flags is joined to its option (`--public-key=-Xk3…`), so the user's command
 * line works as written.
 */
function joinDashValues(options: Options, args: string[]): string[] {
  const flags = new Set(
    Object.entries(options).flatMap(([name, o]) => [
      `--${name}`,
      ...(o.short ? [`-${o.short}`] : []),
    ]),
  );
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (
      name !== undefined &&
      options[name]?.type === "string" &&
      next?.startsWith("-") &&
      next !== "--" &&
      !flags.has(next.split("=")[0]!)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * The message for flags npm kept: which, why nothing ran, and the command line that passes them on.
 */
function keptByNpm(
  kept: string[],
  options: Options,
  args: string[],
  env: NodeJS.ProcessEnv,
): string {
  const script = env.npm_lifecycle_event ?? "SCRIPT";
  const flags = kept
    .filter((name) => name in options)
    .map((name) => {
      const value = env[`npm_config_${name.replaceAll("-", "_")}`]!;
      return options[name]!.type === "boolean"
        ? `--${name}`
        : `--${name} ${value === "true" ? name.toUpperCase() : value}`;
    });
  const names = kept.map((name) => `--${name}`).join(", ");
  const why = `npm kept ${names} for itself (written before "--", it reached this script only as npm_config_*), so nothing was done.`;
  const rest = [...args, ...flags];
  const command = `npm run ${script}${rest.length > 0 ? ` -- ${rest.join(" ")}` : ""}`;
  if (flags.length === 0) return `${why}\n${script} has no --dry-run; to run it: ${command}`;
  return `${why}\nPut the script's flags after "--": ${command}`;
}

/**
 * Parses the command line; `--help` prints `usage` and exits 0, a wrong command line prints why and
 * the usage, exit 2.
 */
export function parseCommandLine<O extends Options>(options: O, usage: string) {
  return parseCommandLineWithPositionals(options, usage, { positionals: false }).values;
}

/** As parseCommandLine, for commands that also take operands (a file to check). */
export function parseCommandLineWithPositionals<O extends Options>(
  options: O,
  usage: string,
  config = { positionals: true },
) {
  const line = readCommandLine(options, process.argv.slice(2), process.env, config);
  if (line.kind === "help") {
    console.log(usage);
    process.exit(0);
  }
  if (line.kind === "usage") {
    console.error(`${line.message}\n\n${usage}`);
    process.exit(2);
  }
  return line as unknown as { values: ParsedValues<O>; positionals: string[] };
}

type ParsedValues<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>
>["values"];

/**
 * The target of a command that changes KV: refused at once (exit 2) when `--remote` could not be
 * confirmed later.
 */
export function changeTargetOf(
  values: Parameters<typeof targetOf>[0] & { yes?: boolean },
  tty = isInteractive(),
): KvTarget {
  const target = targetOf(values);
  if (target.remote && !values.yes && !tty) throw unconfirmed("--remote");
  return target;
}

function unconfirmed(what: string): UsageError {
  const kept =
    process.env.npm_config_yes === "true"
      ? ' (npm kept a --yes written before "--" for itself)'
      : "";
  return new UsageError(
    `${what}: this changes production. Without a terminal to ask on, pass --yes to confirm${kept}. Nothing was changed.`,
  );
}

/**
 * A change to production asks first: on a terminal the user types y; without one, `--yes` must say
 * so. Returns when confirmed; otherwise a UsageError (exit 2) and nothing is changed.
 */
export async function confirmRemote(
  what: string,
  values: { remote?: boolean; yes?: boolean },
  tty = isInteractive(),
  ask: (question: string) => Promise<string> = askOnTerminal,
): Promise<void> {
  if (!values.remote || values.yes) return;
  if (!tty) throw unconfirmed(what);
  const answer = await ask(`${what}: this changes production. Go ahead? [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError("Not confirmed: nothing was changed.");
}

async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import("node:readline/promises");
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}

function isInteractive(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Local unless `--remote`, as in wrangler. */
export function targetOf(values: {
  local?: boolean;
  remote?: boolean;
  env?: string;
  "persist-to"?: string;
}): KvTarget {
  if (values.local && values.remote) throw new UsageError("choose one of --local and --remote");
  if (values.remote && values["persist-to"])
    throw new UsageError("--persist-to only applies to local KV");
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
export function countOption(
  value: string | undefined,
  name: string,
  fallback: number,
  minimum = 1,
): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < minimum)
    throw new UsageError(`--${name} must be a whole number ≥ ${minimum}, got "${value}"`);
  return count;
}

/**
 * Reads and validates the content folder; prints every problem as `file: field.path: message` and
 * fails if any.
 */
export async function loadValidContent(
  dir = CONTENT_DIR,
  consequence = "nothing was published",
): Promise<ContentBundle> {
  const files = await readContentFiles(dir);
  const result = validateContent(files);
  if (result.ok) return result.bundle;
  const shown = displayPath(dir);
  for (const problem of result.problems)
    console.error(formatProblem({ ...problem, file: `${shown}/${problem.file}` }));
  const count = result.problems.length;
  throw new CliError(`${count} problem${count === 1 ? "" : "s"} in ${shown}/: ${consequence}.`);
}

/** A folder as the editor would type it: relative when it is under the current one. */
function displayPath(dir: string): string {
  const path = relative(process.cwd(), dir);
  if (path === "") return ".";
  return path.startsWith("..") || isAbsolute(path) ? dir.replace(/\/+$/, "") : path;
}

/**
 * Progress on stderr: rewritten in place on a terminal, one line per step otherwise (logs, tests).
 */
export function progressLine(label: string): Progress {
  return (done, total) => {
    const text = `${label}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} keys`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}${done === total ? "\n" : ""}`);
    else process.stderr.write(`${text}\n`);
  };
}

/**
 * Runs a command: a CliError becomes its message on stderr and exit code 1 (2 for a UsageError);
 * anything else keeps its stack.
 */
export function runCommand(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      console.error(error instanceof CliError ? `\n${error.message}` : error);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    });
}
