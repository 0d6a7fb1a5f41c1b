// Builds the production bundle exactly as `wrangler deploy` would (wrangler.toml decides, `minify`
// included), without uploading it.
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ADMIN_BUNDLE } from "./serve-bundle.ts";
import { wrangler } from "./wrangler.ts";

/**
 * What wrangler reports it would upload ("Total Upload: 164.91 KiB / gzip: 57.28 KiB"), and
 * whether minified.
 */
export type BundleSize = {
  wranglerKiB: number | null;
  wranglerGzipKiB: number | null;
  minified: boolean;
};

/** Bundles the Worker into a fresh folder and returns the entry module's path. */
export async function buildBundle(outdir?: string): Promise<string> {
  return (await buildBundleWithSize(outdir)).path;
}

/**
 * `readable`: not minified whatever wrangler.toml says, so a CPU profile names
 * functions (bench/profile.ts).
 */
export async function buildBundleWithSize(
  outdir?: string,
  { readable = false } = {},
): Promise<{ path: string; size: BundleSize }> {
  const dir = outdir ?? (await mkdtemp(join(tmpdir(), "fvm-bundle-")));
  const minify = readable ? ["--minify=false"] : [];
  // The compliance Worker beside it (serve-bundle.ts serves it behind the site's ADMIN binding);
  // only the site's size counts.
  wrangler(
    [
      "deploy",
      "--dry-run",
      "-c",
      "wrangler.admin.toml",
      "--outdir",
      join(dir, dirname(ADMIN_BUNDLE)),
    ],
    { quiet: true },
  );
  const output = wrangler(["deploy", "--dry-run", ...minify, "--outdir", dir], { quiet: true });
  const upload = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(output);
  const toml = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
  return {
    path: join(dir, "index.js"),
    size: {
      wranglerKiB: upload ? Number(upload[1]) : null,
      wranglerGzipKiB: upload ? Number(upload[2]) : null,
      minified: /^minify\s*=\s*true/m.test(toml),
    },
  };
}
