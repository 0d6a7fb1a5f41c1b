import { h } from "preact";
import { ProjectPage, projectBreadcrumb } from "../../components/ProjectPage.tsx";
import { type PageContext, type RenderedPage, renderHtml, pageMeta } from "./respond.ts";

/** `/it/progetti/<slug>`, `/en/projects/<slug>`: one project; the language switch leads to its twin slug. */
export async function serveProject(
  ctx: PageContext,
  slug: string,
): Promise<RenderedPage | undefined> {
  const view = await ctx.store.project(ctx.locale, slug);
  if (!view) return undefined;
  const { project } = view;
  const { strings } = ctx.site;
  const text = project.text[ctx.locale];
  const chapter = ctx.site.plan.chapters.find((c) => c.id === project.chapter);
  const refs = {
    it: { page: "project", slug: project.text.it.slug },
    en: { page: "project", slug: project.text.en.slug },
  } as const;
  const meta = pageMeta(ctx, refs, {
    title: `${text.title} · ${strings.siteName}`,
    description: text.summary,
    ogType: "article",
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      // The visible breadcrumb's own trail, so the two cannot disagree.
      itemListElement: projectBreadcrumb(ctx.locale, strings, chapter, project).map((crumb, i) => ({
        "@type": "ListItem",
        position: i + 1,
        name: crumb.name,
        item: ctx.origin + crumb.path,
      })),
    },
  });
  return renderHtml(
    h(ProjectPage, { site: ctx.site, project, meta, consentState: ctx.consentState }),
  );
}
