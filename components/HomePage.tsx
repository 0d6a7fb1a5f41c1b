import { type HomeFilter, pathFor } from "../content/paths.ts";
import type { UiStrings } from "../content/schema.ts";
import type { ChapterView, ListView, SiteView } from "../content/views.ts";
import { fill } from "./format.ts";
import { HomeFilters, RESULTS_ID, statusLabel } from "./HomeFilters.tsx";
import { Layout, type PageMeta } from "./Layout.tsx";
import { Pagination } from "./Pagination.tsx";
import { ProjectList } from "./ProjectList.tsx";
import type { ConsentRender } from "./consent/consent-render.ts";

export type HomePageProps = {
  site: SiteView;
  list: ListView;
  meta: PageMeta;
  filter?: HomeFilter;
  consentState?: ConsentRender;
};

/** "12 projects", "1 project", or that none matches. */
export function describeResults(total: number, strings: UiStrings): string {
  const labels = strings.filters;
  if (total === 0) return labels.resultNone;
  return total === 1 ? labels.resultOne : fill(labels.results, { count: total });
}

/** What a filter selects, in words: "Milano al centro, Raggiunto". Empty without a filter. */
export function describeFilter(
  filter: HomeFilter,
  chapters: ChapterView[],
  strings: UiStrings,
): string {
  const chapter = chapters.find((c) => c.id === filter.chapter);
  return [chapter?.title, filter.status && statusLabel(filter.status, strings)]
    .filter(Boolean)
    .join(", ");
}

/** The plan: intro, progress, and the projects grouped by chapter. */
export function HomePage({ site, list, meta, filter = {}, consentState }: HomePageProps) {
  const { strings, plan, totals, locale } = site;
  const groups = plan.chapters
    .map((chapter) => ({ chapter, entries: list.entries.filter((e) => e.chapter === chapter.id) }))
    .filter((group) => group.entries.length > 0);
  return (
    <Layout
      locale={locale}
      strings={strings}
      meta={meta}
      consentState={consentState}
      current="plan"
    >
      <section class="hero">
        <div class="wrap">
          <p class="eyebrow">{strings.home.lead}</p>
          <h1>{plan.title}</h1>
          <p class="subtitle">{plan.subtitle}</p>
          <div class="intro">
            {plan.intro.map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </div>
          <div class="progress">
            <p class="progress-label">
              {fill(strings.home.progress, { achieved: totals.achieved, total: totals.projects })}
            </p>
            <progress max={totals.projects} value={totals.achieved} aria-hidden="true" />
            <a class="button-link" href={pathFor(locale, { page: "achieved" })}>
              {strings.home.achievedLink}
            </a>
          </div>
        </div>
      </section>
      <div class="wrap">
        <h2 class="section-title">{strings.home.chaptersHeading}</h2>
        <HomeFilters locale={locale} strings={strings} chapters={plan.chapters} filter={filter} />
        <p class="results" id={RESULTS_ID} tabIndex={-1}>
          {[
            describeResults(list.total ?? list.entries.length, strings),
            describeFilter(filter, plan.chapters, strings),
          ]
            .filter(Boolean)
            .join(": ")}
        </p>
        {groups.map(({ chapter, entries }) => (
          <section class="chapter" aria-labelledby={`chapter-${chapter.id}`} key={chapter.id}>
            <header class="chapter-header">
              <span class="chapter-number" aria-hidden="true">
                {chapter.number}
              </span>
              <div>
                <h3 id={`chapter-${chapter.id}`}>{chapter.title}</h3>
                <p>{chapter.summary}</p>
                {!filter.status && (
                  <p class="muted">{fill(strings.home.chapterCount, { count: chapter.count })}</p>
                )}
              </div>
            </header>
            <ProjectList entries={entries} locale={locale} strings={strings} />
          </section>
        ))}
        {list.entries.length === 0 && (
          <p>
            <a href={pathFor(locale, { page: "home" })}>{strings.filters.reset}</a>
          </p>
        )}
        <Pagination
          page={list.page}
          pages={list.pages}
          hrefFor={(page) => pathFor(locale, { page: "home", number: page, filter })}
          strings={strings}
        />
      </div>
    </Layout>
  );
}
