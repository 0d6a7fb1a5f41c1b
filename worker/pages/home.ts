import { h } from "preact";
import { HomePage } from "../../components/HomePage.tsx";
import { type PageContext, htmlResponse, pageMeta, sameRef } from "./respond.ts";

/** `/it/`, `/en/`: the plan and its projects by chapter, paginated for very large plans. */
export async function serveHome(ctx: PageContext, page: number): Promise<Response | undefined> {
  const list = await ctx.store.home(ctx.locale, page);
  if (!list) return undefined;
  const { strings, plan } = ctx.site;
  const meta = pageMeta(ctx, sameRef({ page: "home", number: page }), {
    title: strings.home.title,
    description: strings.home.description,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: plan.title,
      description: strings.home.description,
      inLanguage: ctx.locale,
      url: `${ctx.origin}/${ctx.locale}/`,
      publisher: { "@type": "Organization", name: "Assolombarda" },
    },
  });
  return htmlResponse(h(HomePage, { site: ctx.site, list, meta, consentState: ctx.consentState }));
}
