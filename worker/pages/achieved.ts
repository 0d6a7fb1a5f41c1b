import { h } from "preact";
import { AchievedPage } from "../../components/AchievedPage.tsx";
import { type PageContext, type RenderedPage, renderHtml, pageMeta, sameRef } from "./respond.ts";

/** `/it/obiettivi-raggiunti`, `/en/achieved`: achieved projects, newest first. */
export async function serveAchieved(
  ctx: PageContext,
  page: number,
): Promise<RenderedPage | undefined> {
  const list = await ctx.store.achieved(ctx.locale, page);
  if (!list) return undefined;
  const { strings } = ctx.site;
  const meta = pageMeta(ctx, sameRef({ page: "achieved", number: page }), {
    title: `${strings.achieved.title} · ${strings.siteName}`,
    description: strings.achieved.description,
  });
  return renderHtml(
    h(AchievedPage, { site: ctx.site, list, meta, consentState: ctx.consentState }),
  );
}
