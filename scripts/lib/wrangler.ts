// Runs wrangler as editors would, so the tooling uses exactly the transport the docs describe.
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";

const WRANGLER = new URL("../../node_modules/wrangler/bin/wrangler.js", import.meta.url).pathname;
const PROJECT_ROOT = new URL("../../", import.meta.url).pathname;

/**
 * Runs `wrangler ...args` from the project root with this process's Node (wrangler needs Node 22,
 * which a bare `node` on PATH may not be); throws with wrangler's own output when it fails.
 */
export function wrangler(
  args: string[],
  options: { quiet?: boolean; env?: Record<string, string> } = {},
): string {
  const result = spawnSync(process.execPath, [WRANGLER, ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    // Node's compile cache spares each call re-parsing wrangler's bundle: a publish runs wrangler
    // several times.
    env: {
      NODE_COMPILE_CACHE: join(tmpdir(), "fvm-node-compile-cache"),
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      ...options.env,
    },
  });
  if (result.status !== 0) {
    throw new Error(
      `wrangler ${args.join(" ")} failed:\n${result.stderr || result.stdout || result.error?.message}`,
    );
  }
  if (!options.quiet) process.stderr.write(result.stderr);
  return result.stdout;
}

/**
 * Runs wrangler with its output shown as it comes (deploys and migrations take a while). Its
 * stdin is not a terminal, so wrangler asks nothing: the caller has confirmed already. Throws
 * when it fails.
 */
export function wranglerLive(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, [WRANGLER, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      NODE_COMPILE_CACHE: join(tmpdir(), "fvm-node-compile-cache"),
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      ...env,
    },
  });
  if (result.status !== 0)
    throw new Error(`wrangler ${args.join(" ")} failed (its output is above)`);
}
