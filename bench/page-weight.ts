// Page weight: bytes of each page type raw, gzip and brotli, as served by the built bundle in
// workerd; and what a first view of a page costs in all (its HTML with the inline CSS, plus every
// script and stylesheet it loads).
import { buildBundle } from "../scripts/lib/bundle.ts";
import { serveBundle } from "../scripts/lib/serve-bundle.ts";
import { type Sizes, compressedSizes } from "./lib/sizes.ts";

export const PAGES = {
  "home (it)": "/it/",
  "home (en)": "/en/",
  "achieved (it)": "/it/obiettivi-raggiunti",
  "project (it, Life Sciences)": "/it/progetti/milano-citta-della-life-sciences",
  "project (en, Life Sciences)": "/en/projects/milan-city-of-life-sciences",
  "cookies (en)": "/en/cookies",
};

export type PageWeight = Sizes & { page: string; path: string };

/**
 * A first view as a new visitor gets it (no cookie, so with the banner): the HTML and what
 * it loads.
 */
export type FirstView = {
  path: string;
  html: Sizes;
  /** The inline stylesheet(s), counted inside `html` too. */
  css: Sizes;
  /** Every script the page loads from the site, together. */
  js: Sizes & { files: string[] };
  /** HTML + scripts + external stylesheets, each compressed on its own, as they travel. */
  total: Sizes;
};

/** Fetches each page from a served site and measures its size three ways. */
export async function measurePages(origin: string): Promise<PageWeight[]> {
  const rows: PageWeight[] = [];
  for (const [page, path] of Object.entries(PAGES)) {
    rows.push({ page, path, ...compressedSizes(await fetchBytes(origin + path)) });
  }
  return rows;
}

export async function measureFirstView(origin: string, path: string): Promise<FirstView> {
  const body = await fetchBytes(origin + path);
  const text = body.toString("utf8");
  const html = compressedSizes(body);
  const css = compressedSizes(
    [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join(""),
  );
  const scripts = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const stylesheets = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const jsParts = await Promise.all(scripts.map((src) => fetchBytes(new URL(src, origin).href)));
  const cssParts = await Promise.all(
    stylesheets.map((href) => fetchBytes(new URL(href, origin).href)),
  );
  const each = [body, ...jsParts, ...cssParts].map((part) => compressedSizes(part));
  return {
    path,
    html,
    css,
    js: { ...sum(jsParts.map((part) => compressedSizes(part))), files: scripts },
    total: sum(each),
  };
}

async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

function sum(list: Sizes[]): Sizes {
  return list.reduce(
    (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

if (import.meta.main) {
  const site = await serveBundle({ scriptPath: await buildBundle() });
  try {
    console.table(await measurePages(site.url));
    const { html, js, total } = await measureFirstView(
      site.url,
      PAGES["project (it, Life Sciences)"],
    );
    console.table({ "project page HTML": html, "its scripts": js, "first view": total });
  } finally {
    await site.close();
  }
}
