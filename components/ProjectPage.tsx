import { pathFor } from "../content/paths.ts";
import type { Locale, Project, UiStrings } from "../content/schema.ts";
import type { ChapterView, SiteView } from "../content/views.ts";
import { fill, formatDate } from "./format.ts";
import { Layout, type PageMeta } from "./Layout.tsx";
import { MediaPlaceholder } from "./MediaPlaceholder.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import type { ConsentRender } from "./consent/consent-render.ts";

export type ProjectPageProps = {
  site: SiteView;
  project: Project;
  meta: PageMeta;
  consentState?: ConsentRender;
};

/**
 * The trail to a project, for the visible breadcrumb and its JSON-LD alike: the plan, its chapter
 * (filtered), the project.
 */
export function projectBreadcrumb(
  locale: Locale,
  strings: UiStrings,
  chapter: ChapterView | undefined,
  project: Project,
): { name: string; path: string }[] {
  return [
    { name: strings.nav.plan, path: pathFor(locale, { page: "home" }) },
    ...(chapter
      ? [
          {
            name: chapter.title,
            path: pathFor(locale, { page: "home", filter: { chapter: chapter.id } }),
          },
        ]
      : []),
    {
      name: project.text[locale].title,
      path: pathFor(locale, { page: "project", slug: project.text[locale].slug }),
    },
  ];
}

/** One project: objective, what was done, who is responsible, media and related items. */
export function ProjectPage({ site, project, meta, consentState }: ProjectPageProps) {
  const { strings, locale, plan } = site;
  const text = project.text[locale];
  const chapter = plan.chapters.find((c) => c.id === project.chapter);
  const labels = strings.project;
  return (
    <Layout locale={locale} strings={strings} meta={meta} consentState={consentState}>
      <article class="wrap page project">
        {/* The same trail as the page's BreadcrumbList (see projectBreadcrumb): plan, chapter, this project. */}
        <nav class="breadcrumb" aria-label={labels.breadcrumb}>
          <ol>
            {projectBreadcrumb(locale, strings, chapter, project).map((crumb, i, all) => (
              <li>
                {i < all.length - 1 ? (
                  <a href={crumb.path}>{crumb.name}</a>
                ) : (
                  <span aria-current="page">{crumb.name}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
        <header class="project-header">
          <p class="eyebrow">
            {fill(labels.number, { number: project.number })}
            {chapter && ` · ${labels.chapter} ${chapter.number}: ${chapter.title}`}
          </p>
          <h1>{text.title}</h1>
          <StatusBadge status={project.status} strings={strings} long />
        </header>
        {project.illustrative && <p class="notice">{labels.illustrative}</p>}
        <section class="objective" aria-labelledby="objective">
          <h2 id="objective">{labels.objective}</h2>
          <p>{text.objective}</p>
        </section>
        <section aria-labelledby="done">
          <h2 id="done">{labels.done}</h2>
          {text.done.map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </section>
        <section class="responsible" aria-labelledby="responsible">
          <h2 id="responsible">{labels.responsible}</h2>
          <p>
            <strong>{project.responsible}</strong>
            <br />
            {text.responsibleRole}
          </p>
        </section>
        {project.media.length > 0 && (
          <section aria-labelledby="media">
            <h2 id="media">{labels.media}</h2>
            {project.media.map((media) => (
              <MediaPlaceholder
                media={media}
                locale={locale}
                strings={strings}
                consentState={consentState}
              />
            ))}
          </section>
        )}
        {project.related.length > 0 && (
          <section aria-labelledby="related">
            <h2 id="related">{labels.related}</h2>
            <ul class="related">
              {project.related.map((item) => (
                <li>
                  <span class="related-meta">
                    {labels.relatedKinds[item.kind]} ·{" "}
                    <time datetime={item.date}>{formatDate(item.date, strings.dates)}</time>
                  </span>
                  <a href={item.url} rel="noopener">
                    {item.title[locale]}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {text.tags && text.tags.length > 0 && (
          <p class="tags">
            <span class="muted">{labels.tags}: </span>
            {text.tags.join(", ")}
          </p>
        )}
        <p class="back-links">
          <a href={pathFor(locale, { page: "home" })}>{labels.backToPlan}</a>
          <a href={pathFor(locale, { page: "achieved" })}>{labels.backToAchieved}</a>
        </p>
      </article>
    </Layout>
  );
}
