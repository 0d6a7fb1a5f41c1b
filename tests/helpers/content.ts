// The real content/ tree, loaded through Vite so tests in workerd can validate and seed it.
import type { ContentBundle } from "../../content/build.ts";
import {
  type ContentFile,
  PROJECTS_DIR,
  projectFileName,
  validateContent,
} from "../../content/validate.ts";
import { syntheticProjects } from "../../scripts/lib/synthetic-projects.ts";

const RAW = import.meta.glob("../../content/**/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** content/ as the validator sees it on disk. */
export const CONTENT_FILES: ContentFile[] = Object.entries(RAW)
  .map(([path, text]) => ({ path: path.replace("../../content/", ""), text }))
  .sort((a, b) => a.path.localeCompare(b.path));

/**
 * content/'s plan and labels with `count` synthetic projects instead of the real ones, validated as
 * editors' files are.
 */
export function syntheticBundle(count: number): ContentBundle {
  const projects = syntheticProjects(count).map((p) => ({
    path: PROJECTS_DIR + projectFileName(p),
    text: JSON.stringify(p),
  }));
  const result = validateContent([
    ...CONTENT_FILES.filter((f) => !f.path.startsWith(PROJECTS_DIR)),
    ...projects,
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.bundle;
}
