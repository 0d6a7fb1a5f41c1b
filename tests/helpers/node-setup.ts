// The node tier's global set-up: the production bundle (both Workers) built once per run, its path
// handed to every file through inject("bundlePath") (tests/helpers/site.ts), so no test file builds
// its own.
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { TestProject } from "vitest/node";
import { buildBundle } from "../../scripts/lib/bundle.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /**
     * The built site Worker's entry module; the compliance Worker is beside it
     * (scripts/lib/bundle.ts).
     */
    bundlePath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const path = await buildBundle();
  project.provide("bundlePath", path);
  return () => rm(dirname(path), { recursive: true, force: true });
}
