// Running the compliance commands (scripts/consent-*.ts) as a compliance officer would, from the
// project root.
import { spawn } from "node:child_process";

const ROOT = new URL("../../", import.meta.url).pathname;

export type CliResult = { code: number | null; out: string };

/**
 * `node scripts/consent-<name>.ts ...args` under this Node 22, with extra environment variables.
 */
export function runConsentCli(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, [`${ROOT}scripts/consent-${name}.ts`, ...args], {
    cwd: ROOT,
    // Whatever the developer's shell or .dev.vars hold does not leak into the run.
    env: {
      ...process.env,
      LEDGER_PUBLIC_KEY: "",
      ADMIN_TOKEN: "",
      FVM_DEV_VARS: "/nonexistent/.dev.vars",
      WRANGLER_SEND_METRICS: "false",
      ...env,
    },
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}
