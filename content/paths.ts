// The site's URL scheme, per locale. Shared by the content build, the components and the Worker.
import type { Locale } from "./schema.ts";

const SEGMENTS = {
  it: { achieved: "obiettivi-raggiunti", projects: "progetti", cookies: "cookie" },
  en: { achieved: "achieved", projects: "projects", cookies: "cookies" },
} as const satisfies Record<Locale, Record<string, string>>;

/** The two statuses a visitor can filter by. */
export const FILTER_STATUSES = ["achieved", "in-progress"] as const;
export type FilterStatus = (typeof FILTER_STATUSES)[number];

/** The home page's filters: a chapter id and a status, each optional (absent: all). */
export type HomeFilter = { chapter?: string; status?: FilterStatus };

/**
 * The query parameters of the filters, and the status values, in each locale's words. Chapter
 * values are chapter ids.
 */
export const FILTER_QUERY = {
  it: {
    chapter: "capitolo",
    status: "stato",
    statuses: { achieved: "raggiunto", "in-progress": "in-corso" },
  },
  en: {
    chapter: "chapter",
    status: "status",
    statuses: { achieved: "achieved", "in-progress": "in-progress" },
  },
} as const satisfies Record<
  Locale,
  { chapter: string; status: string; statuses: Record<FilterStatus, string> }
>;

export type PageRef =
  | { page: "home"; number?: number; filter?: HomeFilter }
  | { page: "achieved"; number?: number }
  | { page: "project"; slug: string }
  | { page: "cookies" };

/** The path of a page in a locale; listing pages past the first carry `?page=N`. */
export function pathFor(locale: Locale, ref: PageRef): string {
  const segments = SEGMENTS[locale];
  switch (ref.page) {
    case "home":
      return `/${locale}/${filterQuery(locale, ref.filter, ref.number)}`;
    case "achieved":
      return `/${locale}/${segments.achieved}${pageQuery(ref.number)}`;
    case "project":
      return `/${locale}/${segments.projects}/${ref.slug}`;
    case "cookies":
      return `/${locale}/${segments.cookies}`;
  }
}

/** The Atom feed of a locale's achieved projects. */
export function feedPath(locale: Locale): string {
  return `/${locale}/feed.xml`;
}

/** A page of the site, as a path names it. */
export type ParsedPath = { locale: Locale; ref: PageRef };

/**
 * The page a path names, or null. Only canonical paths (lowercase, no trailing slash except a
 * locale home) match.
 */
export function parsePath(pathname: string): ParsedPath | null {
  // Slugs are at most 80 characters (see the schema), so longer segments never reach KV.
  const match = /^\/(it|en)\/(?:([a-z-]{1,40})(?:\/([a-z0-9-]{1,80}))?)?$/.exec(pathname);
  if (!match) return null;
  const locale = match[1] as Locale;
  const [, , first, second] = match;
  const segments = SEGMENTS[locale];
  if (first === undefined) return { locale, ref: { page: "home" } };
  if (second === undefined) {
    if (first === segments.achieved) return { locale, ref: { page: "achieved" } };
    if (first === segments.cookies) return { locale, ref: { page: "cookies" } };
    return null;
  }
  return first === segments.projects ? { locale, ref: { page: "project", slug: second } } : null;
}

/**
 * `?capitolo=…&stato=…&page=N` in this order, each only when set: the one canonical form of a
 * filtered listing.
 */
function filterQuery(
  locale: Locale,
  filter: HomeFilter | undefined,
  number: number | undefined,
): string {
  const words = FILTER_QUERY[locale];
  const pairs = [
    filter?.chapter ? `${words.chapter}=${encodeURIComponent(filter.chapter)}` : "",
    filter?.status ? `${words.status}=${words.statuses[filter.status]}` : "",
    number && number > 1 ? `page=${number}` : "",
  ].filter(Boolean);
  return pairs.length > 0 ? `?${pairs.join("&")}` : "";
}

/**
 * What a home page's query string asks for; `unknownStatus` is a status value neither locale has
 * (the page refuses it).
 */
export type HomeQuery = { filter: HomeFilter; page: number; unknownStatus?: string };

/**
 * The home page's filter and page as a query string asks for them, in either locale's words (a link
 * from the other language still works), trimmed and lowercased; the first value of a repeated
 * parameter counts. Chapter ids are checked against the plan by the page itself.
 */
export function readHomeQuery(params: URLSearchParams): HomeQuery {
  const query: HomeQuery = { filter: {}, page: 1 };
  const words = Object.values(FILTER_QUERY);
  const first = (name: (w: (typeof words)[number]) => string) =>
    words.map((w) => params.get(name(w))?.trim().toLowerCase()).find((value) => value) || undefined;
  const chapter = first((w) => w.chapter);
  if (chapter) query.filter.chapter = chapter;
  const status = first((w) => w.status);
  if (status) {
    const known = FILTER_STATUSES.find((s) => words.some((w) => w.statuses[s] === status));
    if (known) query.filter.status = known;
    else query.unknownStatus = status;
  }
  const page = params.get("page");
  if (page && /^[1-9]\d{0,5}$/.test(page)) query.page = Number(page);
  return query;
}

function pageQuery(number: number | undefined): string {
  return number && number > 1 ? `?page=${number}` : "";
}
