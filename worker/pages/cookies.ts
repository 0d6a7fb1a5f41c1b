import { h } from "preact";
import { CookiePage } from "../../components/CookiePage.tsx";
import { type PageContext, htmlResponse, pageMeta, sameRef } from "./respond.ts";

/** `/it/cookie`, `/en/cookies`: the cookie policy and preferences. */
export async function serveCookies(ctx: PageContext): Promise<Response> {
  const { strings } = ctx.site;
  const meta = pageMeta(ctx, sameRef({ page: "cookies" }), {
    title: `${strings.cookiePage.title} · ${strings.siteName}`,
    description: strings.cookiePage.description,
  });
  return htmlResponse(h(CookiePage, { site: ctx.site, meta }));
}
