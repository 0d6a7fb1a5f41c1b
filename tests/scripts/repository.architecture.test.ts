// The tree keeps its shape: no import cycles, one-way layers, tests headed and named, 100 columns.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type SourceFile,
  findCycles,
  findLayeringViolations,
  readImports,
} from "../../scripts/lib/import-graph.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

async function readSources(folders: string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const folder of folders) {
    for (const entry of await readdir(join(ROOT, folder), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      files.push({ path: relative(ROOT, path), text: await readFile(path, "utf8") });
    }
  }
  return files;
}

// The tree keeps its shape: no import cycles, worker → components → content → lib and never back,
// nothing but the entry imports the router.
describe("the import graph", async () => {
  const edges = readImports(await readSources(["worker", "components", "content", "lib"]));

  it("has no cycles", () => {
    expect(findCycles(edges).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("goes one way: worker → components → content, and only the entry imports the router", () => {
    expect(findLayeringViolations(edges)).toEqual([]);
  });

  it("the checks themselves catch a cycle and a layering break", () => {
    const bad = [
      { from: "worker/a.ts", to: "worker/b.ts" },
      { from: "worker/b.ts", to: "worker/a.ts" },
      { from: "components/X.tsx", to: "worker/a.ts" },
      { from: "worker/pages/p.ts", to: "worker/router.ts" },
      { from: "lib/bytes.ts", to: "content/schema.ts" },
    ];
    expect(findCycles(bad)).toEqual([["worker/a.ts", "worker/b.ts", "worker/a.ts"]]);
    expect(findLayeringViolations(bad)).toHaveLength(3);
  });
});

/**
 * Whether a test file opens as tests/README.md asks: one `//` line saying what it proves,
 * then code.
 */
const opensWithOneLine = (text: string) => {
  const [first = "", second = ""] = text.split("\n");
  return /^\/\/ \S/.test(first) && !/^\s*(\/\/|\/\*)/.test(second);
};

/**
 * The source a tests/unit or tests/components file is named after (tests/README.md), if it exists.
 */
function pinnedSource(testPath: string): string | undefined {
  const match = /^tests\/(unit|components)\/(.+)\.test\.tsx?$/.exec(testPath);
  if (!match) return undefined;
  const [, tier, name] = match;
  const candidates =
    tier === "components"
      ? [`components/${name}.tsx`, `components/${name}.ts`]
      : [`worker/${name}.ts`, `${name}.ts`, `${name}.tsx`, `${name}`];
  return candidates.find((path) => existsSync(join(ROOT, path)));
}

describe("the test files", async () => {
  // The tiers' folders (tests/README.md); tests/tools holds installed packages with tests of
  // their own.
  const tiers = ["unit", "components", "worker", "scripts", "browser"];
  const tests = (
    await Promise.all(
      tiers.map(async (tier) =>
        (
          await readdir(join(ROOT, "tests", tier), { recursive: true })
        ).map((path) => `tests/${tier}/${path}`),
      ),
    )
  )
    .flat()
    .filter((path) => /\.test\.tsx?$/.test(path))
    .sort();

  it("each open with one comment line saying what the file proves, then code", async () => {
    const texts = await Promise.all(tests.map((path) => readFile(join(ROOT, path), "utf8")));
    expect(tests.filter((_, i) => !opensWithOneLine(texts[i]!))).toEqual([]);
  });

  it("in tests/unit and tests/components, each is named after the module it pins", () => {
    const mirrored = tests.filter((path) => /^tests\/(unit|components)\//.test(path));
    expect(mirrored.length).toBeGreaterThan(0);
    expect(mirrored.filter((path) => !pinnedSource(path))).toEqual([]);
  });

  it("the checks themselves catch a second comment line and a name that pins nothing", () => {
    expect(opensWithOneLine('// What it proves.\nimport x from "y";')).toBe(true);
    expect(opensWithOneLine('// What it proves,\n// and more.\nimport x from "y";')).toBe(false);
    expect(opensWithOneLine('import x from "y";')).toBe(false);
    expect(pinnedSource("tests/unit/cache/keys.test.ts")).toBe("worker/cache/keys.ts");
    expect(pinnedSource("tests/unit/content/paths.test.ts")).toBe("content/paths.ts");
    expect(pinnedSource("tests/components/StatusBadge.test.tsx")).toBe(
      "components/StatusBadge.tsx",
    );
    expect(pinnedSource("tests/unit/cache-keys.test.ts")).toBeUndefined();
  });
});

/** Comment lines past 100 columns (Biome wraps code at 100, not comments), as "path:line". */
const wideComments = (files: SourceFile[]) =>
  files.flatMap(({ path, text }) =>
    text
      .split("\n")
      .map((line, i) => ({ line, at: `${path}:${i + 1}` }))
      .filter(({ line }) => line.length > 100 && /^\s*(\/\/|\/\*\*|\*)/.test(line))
      .map(({ at }) => at),
  );

describe("comments", async () => {
  const files = await readSources([
    "worker",
    "components",
    "content",
    "lib",
    "scripts",
    "bench",
    "tests",
  ]);

  it("wrap at 100 columns, as the code does", () => {
    expect(wideComments(files.filter((f) => !f.path.includes("node_modules")))).toEqual([]);
  });

  it("the check itself catches a wide comment and leaves a wide string alone", () => {
    const wide = `// ${"x".repeat(98)}`;
    const text = `${wide}\nconst s = "${"y".repeat(120)}";\n`;
    expect(wideComments([{ path: "a.ts", text }])).toEqual(["a.ts:1"]);
  });
});
