// The tree keeps its shape: no import cycles, worker → components → content → lib, never back.
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
