// Reads the content tree from disk in a stable order, as the validator expects it.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { ContentFile } from "../../content/validate.ts";

export const CONTENT_DIR = new URL("../../content/", import.meta.url).pathname;

/**
 * Every .json file under the content folder, with paths relative to it
 * (`projects/07-life-sciences.json`).
 */
export async function readContentFiles(dir = CONTENT_DIR): Promise<ContentFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(
    paths.map(async (path) => ({
      path: relative(dir, path).split(sep).join("/"),
      text: await readFile(path, "utf8"),
    })),
  );
}
