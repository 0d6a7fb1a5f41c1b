// Node strips TypeScript types but cannot load .tsx: bundle a module that renders components with
// esbuild (already here through wrangler) into one temporary file, then import it.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export async function importTsx<T>(entry: string): Promise<T> {
  const result = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "node",
    jsx: "automatic",
    jsxImportSource: "preact",
    write: false,
    logLevel: "error",
  });
  const file = join(await mkdtemp(join(tmpdir(), "fvm-tsx-")), "module.mjs");
  await writeFile(file, result.outputFiles[0]!.contents);
  return (await import(pathToFileURL(file).href)) as T;
}
