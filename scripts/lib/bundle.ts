// Builds the production bundle exactly as `wrangler deploy` would, without uploading it.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wrangler } from "./wrangler.ts";

/** Bundles the Worker into a fresh folder and returns the entry module's path. */
export async function buildBundle(outdir?: string): Promise<string> {
  const dir = outdir ?? (await mkdtemp(join(tmpdir(), "fvm-bundle-")));
  wrangler(["deploy", "--dry-run", "--outdir", dir], { quiet: true });
  return join(dir, "index.js");
}
