// Reading and extending `.dev.vars`, the local stand-in for secret bindings (dotenv syntax,
// never committed).
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** The project's .dev.vars; FVM_DEV_VARS points elsewhere (tests, or a second local setup). */
export const DEV_VARS =
  process.env.FVM_DEV_VARS || new URL("../../.dev.vars", import.meta.url).pathname;

/**
 * The variables in a .dev.vars file ({} when there is none). Values may be single-
 * or double-quoted.
 */
export function readDevVars(path = DEV_VARS): Record<string, string> {
  if (!existsSync(path)) return {};
  const vars: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trim().startsWith("#")) continue;
    const value = match[2]!;
    vars[match[1]!] = /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  return vars;
}

/**
 * Appends the variables that are missing (never changes one that exists); returns the names added.
 */
export function addMissingDevVars(wanted: Record<string, () => string>, path = DEV_VARS): string[] {
  const existing = readDevVars(path);
  const missing = Object.keys(wanted).filter((name) => !existing[name]);
  if (missing.length === 0) return [];
  const before = existsSync(path)
    ? readFileSync(path, "utf8")
    : "# Local secrets for `wrangler dev` (never commit this file).\n";
  const lines = missing.map((name) => `${name}='${wanted[name]!()}'`);
  writeFileSync(path, `${before}${before.endsWith("\n") ? "" : "\n"}${lines.join("\n")}\n`, {
    mode: 0o600,
  });
  return missing;
}
