import { h } from "preact";
import { describeFilter, describeResults, HomePage } from "../../components/HomePage.tsx";
import { type HomeFilter, type PageRef, readHomeQuery } from "../../content/paths.ts";
import { filterKey } from "../../content/views.ts";
import { HttpError } from "../http/errors.ts";
import { type PageContext, type RenderedPage, renderHtml, pageMeta } from "./respond.ts";

/**
 * `/it/`, `/en/`: the plan and its projects by chapter, paginated for very large plans, filtered by
 * chapter and status (`?capitolo=&stato=`, `?chapter=&status=`; the URL is canonical by now). A
 * value the plan does not have is the visitor's mistake: a localized 400, never an empty page
 * passed off as a result.
 */
export async function serveHome(
  input: PageContext,
  page: number,
): Promise<RenderedPage | undefined> {
  const { strings, plan } = input.site;
  const { filter, unknownStatus } = readHomeQuery(input.url.searchParams);
  if (unknownStatus !== undefined) throw new HttpError(400, "Unknown status filter");
  if (filter.chapter !== undefined && !plan.chapters.some((c) => c.id === filter.chapter)) {
    throw new HttpError(400, "Unknown chapter filter");
  }
  const list = await input.store.home(input.locale, page, filterKey(filter));
  if (!list) return undefined;
  const ref = (filter: HomeFilter): PageRef => ({ page: "home", number: page, filter });
  const filtered = describeFilter(filter, plan.chapters, strings);
  // The result count leads the title: a screen reader announces the title first when the filtered
  // page loads.
  const title = filtered
    ? `${describeResults(list.total ?? list.entries.length, strings)}: ${filtered} · ${strings.siteName}`
    : strings.home.title;
  const meta = pageMeta(
    input,
    { it: ref(filter), en: ref(filter) },
    {
      title,
      description: strings.home.description,
      jsonLd: {
        "@context": "https://schema.org",
        "@type": "WebSite",
        name: plan.title,
        description: strings.home.description,
        inLanguage: input.locale,
        url: `${input.origin}/${input.locale}/`,
        publisher: { "@type": "Organization", name: "Assolombarda" },
      },
    },
  );
  return renderHtml(
    h(HomePage, { site: input.site, list, meta, filter, consentState: input.consentState }),
  );
}
