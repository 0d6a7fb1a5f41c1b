import { h } from "preact";
import { ProjectPage } from "../../components/ProjectPage.tsx";
import { pathFor } from "../../content/paths.ts";
import { type PageContext, htmlResponse, pageMeta } from "./respond.ts";

/** `/it/progetti/<slug>`, `/en/projects/<slug>`: one project; the language switch leads to its twin slug. */
export async function serveProject(ctx: PageContext, slug: string): Promise<Response | undefined> {
  const view = await ctx.store.project(ctx.locale, slug);
  if (!view) return undefined;
  const { project } = view;
  const { strings } = ctx.site;
  const text = project.text[ctx.locale];
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
      itemListElement: [
        { "@type": "ListItem", position: 1, name: strings.nav.plan, item: ctx.origin + pathFor(ctx.locale, { page: "home" }) },
        { "@type": "ListItem", position: 2, name: text.title, item: ctx.origin + pathFor(ctx.locale, refs[ctx.locale]) },
      ],
    },
  });
  return htmlResponse(h(ProjectPage, { site: ctx.site, project, meta, consentState: ctx.consentState }));
}
