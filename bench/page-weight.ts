// Page weight: bytes of each page type raw, gzip and brotli, as served by the built bundle in workerd.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { buildBundle } from "../scripts/lib/bundle.ts";
import { serveBundle } from "../scripts/lib/serve-bundle.ts";

export const PAGES = {
  "home (it)": "/it/",
  "home (en)": "/en/",
  "achieved (it)": "/it/obiettivi-raggiunti",
  "project (it, Life Sciences)": "/it/progetti/milano-citta-della-life-sciences",
  "project (en, Life Sciences)": "/en/projects/milan-city-of-life-sciences",
  "cookies (en)": "/en/cookies",
};

export type PageWeight = { page: string; path: string; raw: number; gzip: number; brotli: number };

/** Fetches each page from a served site and measures its size three ways. */
export async function measurePages(origin: string): Promise<PageWeight[]> {
  const rows: PageWeight[] = [];
  for (const [page, path] of Object.entries(PAGES)) {
    const body = Buffer.from(await (await fetch(origin + path)).arrayBuffer());
    rows.push({
      page,
      path,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

if (import.meta.main) {
  const site = await serveBundle({ scriptPath: await buildBundle() });
  try {
    console.table(await measurePages(site.url));
  } finally {
    await site.close();
  }
}
