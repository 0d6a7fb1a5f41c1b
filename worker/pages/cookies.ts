import { h } from "preact";
import { CookiePage } from "../../components/CookiePage.tsx";
import { loadConsentSetup } from "../consent/load-consent-setup.ts";
import { type PageContext, type RenderedPage, pageMeta, renderHtml, sameRef } from "./respond.ts";

/**
 * `/it/cookie`, `/en/cookies`: the cookie policy and the preferences, for the services this
 * deployment runs.
 */
export async function serveCookies(input: PageContext, env: Env): Promise<RenderedPage> {
  const { strings } = input.site;
  const { view, categories } = await loadConsentSetup(input.store, input.locale, env);
  const meta = pageMeta(input, sameRef({ page: "cookies" }), {
    title: `${strings.cookiePage.title} · ${strings.siteName}`,
    description: strings.cookiePage.description,
  });
  return renderHtml(
    h(CookiePage, {
      site: input.site,
      meta,
      consent: view,
      categories,
      consentState: input.consentState,
    }),
  );
}
