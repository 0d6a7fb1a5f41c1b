import { h } from "preact";
import { AchievedPage } from "../../components/AchievedPage.tsx";
import { type PageContext, type RenderedPage, renderHtml, pageMeta, sameRef } from "./respond.ts";

/** `/it/obiettivi-raggiunti`, `/en/achieved`: achieved projects, newest first. */
export async function serveAchieved(
  input: PageContext,
  page: number,
): Promise<RenderedPage | undefined> {
  const list = await input.store.achieved(input.locale, page);
  if (!list) return undefined;
  const { strings } = input.site;
  const meta = pageMeta(input, sameRef({ page: "achieved", number: page }), {
    title: `${strings.achieved.title} · ${strings.siteName}`,
    description: strings.achieved.description,
  });
  return renderHtml(
    h(AchievedPage, { site: input.site, list, meta, consentState: input.consentState }),
  );
}
