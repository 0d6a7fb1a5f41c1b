// What the Worker reads from KV: one precomputed view per route, so a request costs a constant
// number of reads.
import type { Chapter, Locale, Plan, Project, ProjectStatus, UiStrings } from "./schema.ts";

/** Projects per listing page; keeps a page small however many projects the plan has. */
export const PAGE_SIZE = 60;

/**
 * The one mutable key the Worker reads: which version is live. Switching it is the whole of
 * a publish.
 */
export const POINTER_KEY = "live";

/**
 * Every version the publishing tools uploaded, oldest first. Only the tools read it; the Worker
 * never does.
 */
export const VERSIONS_KEY = "versions";

export type Pointer = { version: string; publishedAt: string; previous?: string };

export type ProjectSummary = {
  id: string;
  number: number;
  chapter: Chapter["id"];
  slug: string;
  title: string;
  status: ProjectStatus;
};

export type ChapterView = {
  id: Chapter["id"];
  number: number;
  title: string;
  summary: string;
  count: number;
};

export type SiteView = {
  version: string;
  locale: Locale;
  strings: UiStrings;
  plan: Pick<Plan, "period" | "presentedOn"> & {
    title: string;
    subtitle: string;
    intro: string[];
    chapters: ChapterView[];
  };
  totals: { projects: number; achieved: number };
  pages: { home: number; achieved: number };
};

/**
 * One page of a listing; `total` counts the entries of all its pages (a filtered listing
 * announces it).
 */
export type ListView = { page: number; pages: number; total?: number; entries: ProjectSummary[] };

export type ProjectView = { project: Project };

export type SitemapView = { alternates: Record<Locale, string>[] };

/** One achieved project as the Atom feed lists it. */
export type FeedEntry = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  date: string;
  chapter: { id: Chapter["id"]; title: string };
};

/** The newest achieved projects of a locale, newest first, for its Atom feed. */
export type FeedView = { entries: FeedEntry[] };

/** Entries in a feed: readers show the newest; the achieved page lists them all. */
export const FEED_SIZE = 50;

export const kvKeys = {
  site: (version: string, locale: Locale) => `v/${version}/site/${locale}`,
  /**
   * `filter` (see filterKey) names a filtered listing of the home page; without it, the whole plan.
   */
  home: (version: string, locale: Locale, page: number, filter?: string) =>
    filter
      ? `v/${version}/home/${locale}/${filter}/${page}`
      : `v/${version}/home/${locale}/${page}`,
  achieved: (version: string, locale: Locale, page: number) =>
    `v/${version}/achieved/${locale}/${page}`,
  project: (version: string, locale: Locale, slug: string) =>
    `v/${version}/project/${locale}/${slug}`,
  sitemap: (version: string) => `v/${version}/sitemap`,
  feed: (version: string, locale: Locale) => `v/${version}/feed/${locale}`,
  consent: (version: string, locale: Locale) => `v/${version}/consent/${locale}`,
  manifest: (version: string) => `v/${version}/manifest`,
  /** A fingerprinted binary asset of the version (the share images), base64 in a JSON string. */
  asset: (version: string, file: string) => `v/${version}/asset/${file}`,
  prefix: (version: string) => `v/${version}/`,
};

/**
 * The KV name of a home filter: `milano.achieved`, `milano.all`, `all.in-progress`; undefined for
 * no filter at all.
 */
export function filterKey(filter: { chapter?: string; status?: string }): string | undefined {
  if (!filter.chapter && !filter.status) return undefined;
  return `${filter.chapter ?? "all"}.${filter.status ?? "all"}`;
}

/** The pointer as stored, or null when the value is absent or not a pointer. */
export function parsePointer(text: string | null): Pointer | null {
  const value = parseJson(text);
  if (
    !isRecord(value) ||
    typeof value.version !== "string" ||
    typeof value.publishedAt !== "string"
  )
    return null;
  if (value.previous !== undefined && typeof value.previous !== "string") return null;
  return value as Pointer;
}

/**
 * JSON.parse that answers undefined instead of throwing: a corrupt value is data, not an exception.
 */
export function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Shape checks for views read back from KV: cheap, enough to tell a view from a corrupt value
// without zod.
export const isSiteView = (value: unknown): value is SiteView =>
  isRecord(value) &&
  typeof value.version === "string" &&
  isRecord(value.strings) &&
  isRecord(value.plan) &&
  isRecord(value.pages);
export const isListView = (value: unknown): value is ListView =>
  isRecord(value) &&
  typeof value.page === "number" &&
  typeof value.pages === "number" &&
  Array.isArray(value.entries);
export const isProjectView = (value: unknown): value is ProjectView =>
  isRecord(value) &&
  isRecord(value.project) &&
  typeof value.project.id === "string" &&
  isRecord(value.project.text);
export const isSitemapView = (value: unknown): value is SitemapView =>
  isRecord(value) && Array.isArray(value.alternates);
export const isFeedView = (value: unknown): value is FeedView =>
  isRecord(value) && Array.isArray(value.entries);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
