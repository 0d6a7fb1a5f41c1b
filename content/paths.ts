// The site's URL scheme, per locale. Shared by the content build, the components and the Worker.
import type { Locale } from "./schema.ts";

const SEGMENTS = {
  it: { achieved: "obiettivi-raggiunti", projects: "progetti", cookies: "cookie" },
  en: { achieved: "achieved", projects: "projects", cookies: "cookies" },
} as const satisfies Record<Locale, Record<string, string>>;

export type PageRef =
  | { page: "home"; number?: number }
  | { page: "achieved"; number?: number }
  | { page: "project"; slug: string }
  | { page: "cookies" };

/** The path of a page in a locale; listing pages past the first carry `?page=N`. */
export function pathFor(locale: Locale, ref: PageRef): string {
  const segments = SEGMENTS[locale];
  switch (ref.page) {
    case "home":
      return `/${locale}/${pageQuery(ref.number)}`;
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

/** The page a path names, or null. Only canonical paths (lowercase, no trailing slash except a locale home) match. */
export function parsePath(pathname: string): { locale: Locale; ref: PageRef } | null {
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

function pageQuery(number: number | undefined): string {
  return number && number > 1 ? `?page=${number}` : "";
}
