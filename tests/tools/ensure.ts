// npm test and npm run bench, before they start: the test-tools package installed as its lock says,
// then the machine's programs the chosen tests need (tests/tools/system.ts). One line and exit 1
// when something is missing that this process may not install.
//   node tests/tools/ensure.ts --tests [VITEST ARGS…]
//     what those vitest arguments select (no filter: everything)
//   node tests/tools/ensure.ts [--system chromium,java]
//     the package, and the programs named
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type SystemToolName, ensureSystemTool } from "./system.ts";
import { systemToolsForTests } from "./needs.ts";

const TOOLS_DIR = fileURLToPath(new URL(".", import.meta.url));

/**
 * Whether node_modules holds exactly what the lock lists (npm's own record of the last install
 * says so).
 */
export function toolsInstalled(dir = TOOLS_DIR): boolean {
  const installed = `${dir}node_modules/.package-lock.json`;
  if (!existsSync(installed)) return false;
  const wanted = (JSON.parse(readFileSync(`${dir}package-lock.json`, "utf8")) as Lock).packages;
  const have = (JSON.parse(readFileSync(installed, "utf8")) as Lock).packages;
  const names = Object.keys(wanted).filter((name) => name !== "");
  return (
    names.length === Object.keys(have).length &&
    names.every((name) => have[name]?.version === wanted[name]!.version)
  );
}

type Lock = { packages: Record<string, { version?: string }> };

function installTools(): void {
  if (toolsInstalled()) return;
  process.stderr.write(
    "Installing the test tools (tests/tools: Lighthouse, playwright-core, axe-core, the Observatory's rules, the Nu HTML checker, autocannon)…\n",
  );
  // npm ci: exactly the lock, never a change to it; tests/tools/.npmrc turns install scripts off.
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: TOOLS_DIR,
    stdio: "inherit",
  });
  if (result.status !== 0)
    throw new Error("npm ci in tests/tools failed (see above): the test tools are not installed.");
}

function main(args: string[]): void {
  let wanted: SystemToolName[] = [];
  if (args[0] === "--tests") wanted = systemToolsForTests(args.slice(1));
  else if (args[0] === "--system" && args[1]) wanted = args[1].split(",") as SystemToolName[];
  installTools();
  for (const name of wanted) ensureSystemTool(name);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
