// Turns validated content into the immutable KV entries of one version. Pure: runs in Node and
// in workerd.
import { sha256Hex } from "../lib/bytes.ts";
import { buildConsentView } from "./consent-view.ts";
import { SHARE_IMAGE_DATA } from "./share-image-data.ts";
import { FILTER_STATUSES, type HomeFilter, pathFor } from "./paths.ts";
import {
  type ConsentBundle,
  type ConsentConfig,
  LOCALES,
  type Locale,
  type Plan,
  type Project,
  type Strings,
} from "./schema.ts";
import {
  FEED_SIZE,
  PAGE_SIZE,
  filterKey,
  kvKeys,
  type FeedView,
  type ListView,
  type ProjectSummary,
  type ProjectView,
  type SiteView,
  type SitemapView,
} from "./views.ts";

export type ContentBundle = {
  plan: Plan;
  strings: Strings;
  projects: Project[];
  consent: ConsentBundle;
};

export type Manifest = {
  version: string;
  builtAt: string;
  keys: string[];
  /**
   * A hash of each project by id, so the tools can tell what a publish adds, changes or removes.
   */
  projects: Record<string, string>;
  /** A hash of everything but the projects (plan, labels): whether a publish changes them. */
  shared?: string;
  /**
   * Each project's Italian slug by id, so the tools can read a project of this version back to
   * compare its fields.
   */
  slugs?: Record<string, string>;
};

export type BuiltVersion = { version: string; entries: Map<string, string>; manifest: Manifest };

/**
 * Builds every key of a version. The version id is a hash of the content, so the same content is
 * the same version.
 */
export async function buildVersion(
  bundle: ContentBundle,
  builtAt = new Date().toISOString(),
): Promise<BuiltVersion> {
  const chapterOrder = new Map(bundle.plan.chapters.map((c) => [c.id, c.number]));
  const projects = [...bundle.projects].sort(
    (a, b) =>
      (chapterOrder.get(a.chapter) ?? 0) - (chapterOrder.get(b.chapter) ?? 0) ||
      a.number - b.number,
  );
  // The share images' names are their hashes: a new picture is a new version too.
  const version = (
    await sha256Hex(JSON.stringify({ ...bundle, projects, assets: Object.keys(SHARE_IMAGE_DATA) }))
  ).slice(0, 12);
  const entries = new Map<string, string>();
  const put = (key: string, value: unknown) => entries.set(key, JSON.stringify(value));
  const achieved = projects
    .filter((p) => p.status.state === "achieved")
    .sort((a, b) => achievedDate(b).localeCompare(achievedDate(a)) || a.number - b.number);

  for (const locale of LOCALES) {
    const homePages = paginate(projects.map((p) => summarize(p, locale)));
    const achievedPages = paginate(achieved.map((p) => summarize(p, locale)));
    put(
      kvKeys.site(version, locale),
      siteView(
        bundle,
        projects,
        achieved.length,
        locale,
        version,
        homePages.length,
        achievedPages.length,
      ),
    );
    put(
      kvKeys.consent(version, locale),
      buildConsentView(bundle.consent, locale, version, bundle.strings[locale].dates),
    );
    homePages.forEach((view, i) => put(kvKeys.home(version, locale, i + 1), view));
    // Every combination of the home page's filters is a listing of its own, paginated the same way:
    // a filtered page reads one key, like any other. An empty combination still has its (empty)
    // first page.
    for (const filter of homeFilters(bundle.plan)) {
      const key = filterKey(filter)!;
      const matching = projects.filter(
        (p) =>
          (!filter.chapter || p.chapter === filter.chapter) &&
          (!filter.status || p.status.state === filter.status),
      );
      paginate(matching.map((p) => summarize(p, locale))).forEach((view, i) =>
        put(kvKeys.home(version, locale, i + 1, key), view),
      );
    }
    achievedPages.forEach((view, i) => put(kvKeys.achieved(version, locale, i + 1), view));
    put(kvKeys.feed(version, locale), feedView(bundle, achieved.slice(0, FEED_SIZE), locale));
    for (const project of projects) {
      put(kvKeys.project(version, locale, project.text[locale].slug), {
        project,
      } satisfies ProjectView);
    }
  }
  put(kvKeys.sitemap(version), sitemapView(projects));
  for (const [file, base64] of Object.entries(SHARE_IMAGE_DATA))
    put(kvKeys.asset(version, file), base64);

  const manifest: Manifest = {
    version,
    builtAt,
    keys: [...entries.keys()],
    projects: Object.fromEntries(
      await Promise.all(projects.map(async (p) => [p.id, await sha256Hex(JSON.stringify(p))])),
    ),
    shared: await sha256Hex(JSON.stringify({ ...bundle, projects: undefined })),
    slugs: Object.fromEntries(projects.map((p) => [p.id, p.text.it.slug])),
  };
  put(kvKeys.manifest(version), manifest);
  return { version, entries, manifest };
}

function siteView(
  bundle: ContentBundle,
  projects: Project[],
  achievedCount: number,
  locale: Locale,
  version: string,
  homePages: number,
  achievedPages: number,
): SiteView {
  const { plan } = bundle;
  return {
    version,
    locale,
    strings: bundle.strings[locale],
    plan: {
      title: plan.title[locale],
      subtitle: plan.subtitle[locale],
      period: plan.period,
      presentedOn: plan.presentedOn,
      intro: plan.intro[locale],
      chapters: plan.chapters.map((chapter) => ({
        id: chapter.id,
        number: chapter.number,
        title: chapter.title[locale],
        summary: chapter.summary[locale],
        count: projects.filter((p) => p.chapter === chapter.id).length,
      })),
    },
    totals: { projects: projects.length, achieved: achievedCount },
    pages: { home: homePages, achieved: achievedPages },
  };
}

function sitemapView(projects: Project[]): SitemapView {
  const both = (ref: Parameters<typeof pathFor>[1]) => ({
    it: pathFor("it", ref),
    en: pathFor("en", ref),
  });
  return {
    alternates: [
      both({ page: "home" }),
      both({ page: "achieved" }),
      both({ page: "cookies" }),
      ...projects.map((p) => ({
        it: pathFor("it", { page: "project", slug: p.text.it.slug }),
        en: pathFor("en", { page: "project", slug: p.text.en.slug }),
      })),
    ],
  };
}

function feedView(bundle: ContentBundle, achieved: Project[], locale: Locale): FeedView {
  const chapters = new Map(bundle.plan.chapters.map((c) => [c.id, c.title[locale]]));
  return {
    entries: achieved.map((p) => ({
      id: p.id,
      slug: p.text[locale].slug,
      title: p.text[locale].title,
      summary: p.text[locale].summary,
      date: achievedDate(p),
      chapter: { id: p.chapter, title: chapters.get(p.chapter) ?? p.chapter },
    })),
  };
}

function summarize(project: Project, locale: Locale): ProjectSummary {
  const { slug, title } = project.text[locale];
  return {
    id: project.id,
    number: project.number,
    chapter: project.chapter,
    slug,
    title,
    status: project.status,
  };
}

/**
 * Each filter a visitor can set on the home page but "none": every chapter, every status, and
 * each pair.
 */
function homeFilters(plan: Plan): HomeFilter[] {
  const chapters = [undefined, ...plan.chapters.map((c) => c.id)];
  const statuses = [undefined, ...FILTER_STATUSES];
  return chapters
    .flatMap((chapter) => statuses.map((status) => ({ chapter, status })))
    .filter((f) => f.chapter || f.status);
}

function paginate(entries: ProjectSummary[]): ListView[] {
  const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    total: entries.length,
    entries: entries.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
  }));
}

function achievedDate(project: Project): string {
  return project.status.state === "achieved" ? project.status.date : "";
}
