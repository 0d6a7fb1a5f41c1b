// Two content versions to publish back and forth under load: content/ as it is, and the same with
// the site's name marked, so every page of one differs from the other's. Used by npm run bench:soak
// and tests/scripts/bench.pages.test.ts.
import { type BuiltVersion, buildVersion } from "../../content/build.ts";
import { validateContent } from "../../content/validate.ts";
import { POINTER_KEY } from "../../content/views.ts";
import { readContentFiles } from "../../scripts/lib/content-files.ts";

/** content/ built as a version, and again with `mark` after the site's name in both locales. */
export async function buildTwoVersions(mark: string): Promise<[BuiltVersion, BuiltVersion]> {
  const content = validateContent(await readContentFiles());
  if (!content.ok) throw new Error("content/ is invalid: run npm run content:validate");
  const second = structuredClone(content.bundle);
  for (const locale of ["it", "en"] as const) second.strings[locale].siteName += mark;
  return [await buildVersion(content.bundle), await buildVersion(second)];
}

/** What these need of a KV namespace (Miniflare's, in Node). */
type Kv = { put(key: string, value: string): Promise<unknown> };

/** Writes a version's keys, not live: publishing it is then one write of the pointer. */
export async function uploadVersion(kv: Kv, version: BuiltVersion): Promise<void> {
  await Promise.all([...version.entries].map(([key, value]) => kv.put(key, value)));
}

/**
 * Makes `versions[live]` live, the other one the previous: one write of the pointer, as
 * content:publish does.
 */
export async function publishOne(
  kv: Kv,
  versions: [BuiltVersion, BuiltVersion],
  live: 0 | 1,
): Promise<void> {
  const pointer = {
    version: versions[live].version,
    publishedAt: new Date().toISOString(),
    previous: versions[live === 0 ? 1 : 0].version,
  };
  await kv.put(POINTER_KEY, JSON.stringify(pointer));
}
