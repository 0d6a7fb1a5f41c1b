// With 10,000 projects a request reads the pointer and a constant number of keys; pages stay small.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContentBundle } from "../../content/build.ts";
import { POINTER_KEY, type SiteView, kvKeys } from "../../content/views.ts";
import { syntheticBundle } from "../helpers/content.ts";
import { freshWorker, html, realBundle, spyKv, upload } from "../helpers/worker.ts";

type Visit = { path: string; reads: string[]; bytes: number };

/**
 * Publishes the bundle into KV, then visits one page of each kind, each in a new isolate with the
 * page cache off: the most a request ever reads. Of the 20,000 project views only the two visited
 * are written: workerd's test KV takes minutes for all.
 */
async function visit(bundle: ContentBundle): Promise<Visit[]> {
  const project = bundle.projects[bundle.projects.length - 1]!;
  const visited = [`/it/${project.text.it.slug}`, `/en/${project.text.en.slug}`];
  const built = await upload(
    bundle,
    (key) => !key.includes("/project/") || visited.some((end) => key.endsWith(end)),
  );
  await env.CONTENT.put(
    POINTER_KEY,
    JSON.stringify({ version: built.version, publishedAt: built.manifest.builtAt }),
  );
  const site = JSON.parse(built.entries.get(kvKeys.site(built.version, "it"))!) as SiteView;
  const paths = [
    "/it/",
    site.pages.home > 1 ? `/it/?page=${site.pages.home}` : "/it/",
    "/it/obiettivi-raggiunti",
    `/it/progetti/${project.text.it.slug}`,
    `/en/projects/${project.text.en.slug}`,
  ];
  const visits: Visit[] = [];
  for (const path of paths) {
    const spy = spyKv();
    const get = await freshWorker({ CONTENT: spy.kv, PAGE_CACHE: "off" } as Partial<Env>);
    const res = await get(`GET ${path}`);
    expect(res.status, path).toBe(200);
    visits.push({ path, reads: [...spy.reads], bytes: (await html(res)).length });
  }
  return visits;
}

describe("10,000 projects", () => {
  let small: Visit[];
  let large: Visit[];

  beforeAll(async () => {
    small = await visit(realBundle());
    large = await visit(syntheticBundle(10_000));
  }, 120_000);

  it("a request reads the pointer, then the same few keys as with the real 50 projects", () => {
    const shape = (visits: Visit[]) =>
      visits.map((v) => v.reads.map((key) => key.replace(/^v\/[0-9a-f]+\/(\w+)\/.*$/, "$1")));
    expect(shape(large)).toEqual(shape(small));
    for (const { path, reads } of large) {
      expect(reads[0], path).toBe(POINTER_KEY);
      expect(reads.length, path).toBeLessThanOrEqual(4);
    }
  });

  it("the home page is paginated: 60 projects a page, and its size does not grow with the plan", () => {
    const [home, lastPage] = large;
    expect(home!.path).toBe("/it/");
    expect(lastPage!.path).toBe("/it/?page=167");
    expect(home!.bytes).toBeLessThan(small[0]!.bytes * 1.5);
    expect(large[3]!.bytes).toBeLessThan(small[3]!.bytes * 1.5);
  });
});
