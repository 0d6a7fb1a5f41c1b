import { pathFor } from "../content/paths.ts";
import type { ListView, SiteView } from "../content/views.ts";
import { fill } from "./format.ts";
import { Layout, type PageMeta } from "./Layout.tsx";
import { Pagination } from "./Pagination.tsx";
import { ProjectList } from "./ProjectList.tsx";
import type { ConsentRender } from "./consent/consent-render.ts";

export type HomePageProps = { site: SiteView; list: ListView; meta: PageMeta; consentState?: ConsentRender };

/** The plan: intro, progress, and the projects grouped by chapter. */
export function HomePage({ site, list, meta, consentState }: HomePageProps) {
  const { strings, plan, totals, locale } = site;
  const groups = plan.chapters
    .map((chapter) => ({ chapter, entries: list.entries.filter((e) => e.chapter === chapter.id) }))
    .filter((group) => group.entries.length > 0);
  return (
    <Layout locale={locale} strings={strings} meta={meta} consentState={consentState} current="plan">
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
            <p class="progress-label">{fill(strings.home.progress, { achieved: totals.achieved, total: totals.projects })}</p>
            <progress max={totals.projects} value={totals.achieved} aria-hidden="true" />
            <a class="button-link" href={pathFor(locale, { page: "achieved" })}>
              {strings.home.achievedLink}
            </a>
          </div>
        </div>
      </section>
      <div class="wrap">
        <h2 class="section-title">{strings.home.chaptersHeading}</h2>
        {groups.map(({ chapter, entries }) => (
          <section class="chapter" aria-labelledby={`chapter-${chapter.id}`} key={chapter.id}>
            <header class="chapter-header">
              <span class="chapter-number" aria-hidden="true">
                {chapter.number}
              </span>
              <div>
                <h3 id={`chapter-${chapter.id}`}>{chapter.title}</h3>
                <p>{chapter.summary}</p>
                <p class="muted">{fill(strings.home.chapterCount, { count: chapter.count })}</p>
              </div>
            </header>
            <ProjectList entries={entries} locale={locale} strings={strings} />
          </section>
        ))}
        <Pagination
          page={list.page}
          pages={list.pages}
          hrefFor={(page) => pathFor(locale, { page: "home", number: page })}
          strings={strings}
        />
      </div>
    </Layout>
  );
}
