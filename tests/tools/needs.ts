// Which of the machine's programs a vitest run needs: Chromium for a test that drives a browser
// (it imports tests/tools/playwright.ts or lighthouse.ts, directly or through a helper), Java for
// one that runs the Nu HTML checker (tests/tools/vnu.ts). No file filter means the whole suite,
// hence both.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SystemToolName } from "./system.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/**
 * The node tier's test folders (vitest.config.ts): the workerd tier never needs a browser or Java.
 */
const NODE_TIER = ["tests/scripts", "tests/browser"];
const MARKERS: Record<SystemToolName, RegExp> = {
  chromium: /tests\/tools\/(playwright|lighthouse)\.ts$/,
  java: /tests\/tools\/vnu\.ts$/,
};
/** vitest options whose next argument is a value, not a file filter. */
const TAKES_VALUE = new Set([
  "-t",
  "--testNamePattern",
  "--project",
  "--reporter",
  "--config",
  "-c",
  "--root",
  "-r",
  "--dir",
  "--shard",
  "--outputFile",
  "--environment",
  "--pool",
  "--mode",
]);

export function systemToolsForTests(args: string[], root = ROOT): SystemToolName[] {
  const filters = fileFilters(args);
  const files = testFiles(root).filter(
    (file) =>
      filters.length === 0 || filters.some((filter) => file.includes(filter.replace(/^\.\//, ""))),
  );
  const needed = new Set<SystemToolName>();
  for (const file of files) {
    for (const imported of importsOf(resolve(root, file))) {
      const path = relative(root, imported);
      for (const name of Object.keys(MARKERS) as SystemToolName[])
        if (MARKERS[name].test(path)) needed.add(name);
    }
  }
  return filters.length === 0 ? (Object.keys(MARKERS) as SystemToolName[]) : [...needed];
}

/** The positional arguments: vitest's file filters. */
export function fileFilters(args: string[]): string[] {
  const filters: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") continue;
    if (arg.startsWith("-")) {
      if (TAKES_VALUE.has(arg)) i++;
      continue;
    }
    filters.push(arg);
  }
  return filters;
}

function testFiles(root: string): string[] {
  return NODE_TIER.flatMap((dir) => {
    try {
      return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.test\.tsx?$/.test(f))
        .map((f) => `${dir}/${f}`);
    } catch {
      return [];
    }
  });
}

/** `file` and every project file it imports, transitively (packages are not followed). */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return seen;
  }
  for (const match of source.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
    importsOf(resolve(dirname(file), match[1]!), seen);
  }
  return seen;
}
