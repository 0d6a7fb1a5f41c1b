// The real content/ tree, loaded through Vite so tests in workerd can validate and seed it.
import type { ContentFile } from "../../content/validate.ts";

const RAW = import.meta.glob("../../content/**/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** content/ as the validator sees it on disk. */
export const CONTENT_FILES: ContentFile[] = Object.entries(RAW)
  .map(([path, text]) => ({ path: path.replace("../../content/", ""), text }))
  .sort((a, b) => a.path.localeCompare(b.path));
