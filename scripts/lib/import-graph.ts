// The project's import graph, read from the sources with a plain scan of `import … from "…"` lines,
// and the rules the layering holds to. Pure functions over file texts, so a test and a command can
// share them.
import { dirname, join, normalize } from "node:path";

export type SourceFile = { path: string; text: string };
export type ImportEdge = { from: string; to: string };

const IMPORT =
  /^\s*(?:import|export)\s[^'"]*?from\s+["'](\.[^"']+)["']|^\s*import\s+["'](\.[^"']+)["']/gm;

/** Relative imports between the given files (paths relative to the project root, `/`-separated). */
export function readImports(files: readonly SourceFile[]): ImportEdge[] {
  const known = new Set(files.map((f) => f.path));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const match of file.text.matchAll(IMPORT)) {
      const target = normalize(join(dirname(file.path), match[1] ?? match[2]!)).replaceAll(
        "\\",
        "/",
      );
      if (known.has(target)) edges.push({ from: file.path, to: target });
    }
  }
  return edges;
}

/**
 * Every import cycle, each as the list of files around it (shortest first); empty when the graph
 * is acyclic.
 */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === "open") cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of next.keys()) if (!state.has(node)) visit(node);
  return cycles.sort((a, b) => a.length - b.length);
}

/**
 * Which top-level folders a folder may import from: worker → components → content, and nothing
 * back; `lib/` (generic byte helpers) is beneath them all and imports nothing of the project.
 */
const ALLOWED: Record<string, readonly string[]> = {
  lib: ["lib"],
  content: ["content", "lib"],
  components: ["components", "content", "lib"],
  worker: ["worker", "components", "content", "lib"],
};

/**
 * Imports that break the layering: a lower layer importing a higher one, or a module importing
 * the router.
 */
export function findLayeringViolations(edges: readonly ImportEdge[]): string[] {
  const problems: string[] = [];
  for (const { from, to } of edges) {
    const [fromTop] = from.split("/");
    const [toTop] = to.split("/");
    const allowed = ALLOWED[fromTop!];
    if (allowed && !allowed.includes(toTop!))
      problems.push(`${from} imports ${to}: ${fromTop}/ may import only ${allowed.join(", ")}`);
    if (to === "worker/router.ts" && from !== "worker/index.ts")
      problems.push(`${from} imports worker/router.ts: only the entry may`);
  }
  return problems;
}
