// What the Worker reads from KV: one precomputed view per route, so a request costs a constant number of reads.
import type { Chapter, Locale, Plan, Project, ProjectStatus, UiStrings } from "./schema.ts";

/** Projects per listing page; keeps a page small however many projects the plan has. */
export const PAGE_SIZE = 60;

export const POINTER_KEY = "live";

export type Pointer = { version: string; publishedAt: string; previous?: string };

export type ProjectSummary = {
  id: string;
  number: number;
  chapter: Chapter["id"];
  slug: string;
  title: string;
  status: ProjectStatus;
};

export type ChapterView = { id: Chapter["id"]; number: number; title: string; summary: string; count: number };

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

export type ListView = { page: number; pages: number; entries: ProjectSummary[] };

export type ProjectView = { project: Project };

export type SitemapView = { alternates: Record<Locale, string>[] };

export const kvKeys = {
  site: (version: string, locale: Locale) => `v/${version}/site/${locale}`,
  home: (version: string, locale: Locale, page: number) => `v/${version}/home/${locale}/${page}`,
  achieved: (version: string, locale: Locale, page: number) => `v/${version}/achieved/${locale}/${page}`,
  project: (version: string, locale: Locale, slug: string) => `v/${version}/project/${locale}/${slug}`,
  sitemap: (version: string) => `v/${version}/sitemap`,
  manifest: (version: string) => `v/${version}/manifest`,
  prefix: (version: string) => `v/${version}/`,
};
