// Runs wrangler as editors would, so the tooling uses exactly the transport the docs describe.
import { spawnSync } from "node:child_process";

const WRANGLER = new URL("../../node_modules/wrangler/bin/wrangler.js", import.meta.url).pathname;

/** Runs `wrangler ...args`; throws with wrangler's own output when it fails. */
export function wrangler(args: string[], options: { quiet?: boolean } = {}): string {
  // Run under this same Node (22, from node_modules) whatever `node` is first on PATH.
  const result = spawnSync(process.execPath, [WRANGLER, ...args], { encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
  if (result.status !== 0) {
    throw new Error(`wrangler ${args.join(" ")} failed:\n${result.stderr || result.stdout}`);
  }
  if (!options.quiet) process.stderr.write(result.stderr);
  return result.stdout;
}
