import { h } from "preact";
import { CookiePage } from "../../components/CookiePage.tsx";
import { loadConsentSetup } from "../consent/setup.ts";
import { type PageContext, type RenderedPage, renderHtml, pageMeta, sameRef } from "./respond.ts";

/** `/it/cookie`, `/en/cookies`: the cookie policy and the preferences, for the services this deployment runs. */
export async function serveCookies(ctx: PageContext, env: Env): Promise<RenderedPage> {
  const { strings } = ctx.site;
  const { view, categories } = await loadConsentSetup(ctx.store, ctx.locale, env);
  const meta = pageMeta(ctx, sameRef({ page: "cookies" }), {
    title: `${strings.cookiePage.title} · ${strings.siteName}`,
    description: strings.cookiePage.description,
  });
  return renderHtml(
    h(CookiePage, {
      site: ctx.site,
      meta,
      consent: view,
      categories,
      consentState: ctx.consentState,
    }),
  );
}
