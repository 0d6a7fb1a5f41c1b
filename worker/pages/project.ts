import { h } from "preact";
import { ProjectPage, projectBreadcrumb } from "../../components/ProjectPage.tsx";
import type { Project } from "../../content/schema.ts";
import { type PageContext, type RenderedPage, renderHtml, pageMeta } from "./respond.ts";

/**
 * `/it/progetti/<slug>`, `/en/projects/<slug>`: one project; the language switch leads to its
 * twin slug.
 */
export async function serveProject(
  input: PageContext,
  slug: string,
): Promise<RenderedPage | undefined> {
  const view = await input.store.project(input.locale, slug);
  if (!view) return undefined;
  const { project } = view;
  const meta = projectMeta(input, project);
  return renderHtml(
    h(ProjectPage, { site: input.site, project, meta, consentState: input.consentState }),
  );
}

/**
 * A project page's head: title, description, canonical and alternates, and the breadcrumb
 * as JSON-LD.
 */
export function projectMeta(
  input: Pick<PageContext, "origin" | "locale" | "site">,
  project: Project,
) {
  const { strings } = input.site;
  const text = project.text[input.locale];
  const chapter = input.site.plan.chapters.find((c) => c.id === project.chapter);
  const refs = {
    it: { page: "project", slug: project.text.it.slug },
    en: { page: "project", slug: project.text.en.slug },
  } as const;
  return pageMeta(input, refs, {
    title: `${text.title} · ${strings.siteName}`,
    description: text.summary,
    ogType: "article",
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      // The visible breadcrumb's own trail, so the two cannot disagree.
      itemListElement: projectBreadcrumb(input.locale, strings, chapter, project).map(
        (crumb, i) => ({
          "@type": "ListItem",
          position: i + 1,
          name: crumb.name,
          item: input.origin + crumb.path,
        }),
      ),
    },
  });
}
