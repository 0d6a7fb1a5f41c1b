import { pathFor } from "../content/paths.ts";
import type { ListView, SiteView } from "../content/views.ts";
import { fill } from "./format.ts";
import { Layout, type PageMeta } from "./Layout.tsx";
import { Pagination } from "./Pagination.tsx";
import { ProjectList } from "./ProjectList.tsx";
import type { ConsentRender } from "./consent/consent-render.ts";

export type AchievedPageProps = {
  site: SiteView;
  list: ListView;
  meta: PageMeta;
  consentState?: ConsentRender;
};

/** The achieved projects, newest first. */
export function AchievedPage({ site, list, meta, consentState }: AchievedPageProps) {
  const { strings, totals, locale } = site;
  return (
    <Layout
      locale={locale}
      strings={strings}
      meta={meta}
      consentState={consentState}
      current="achieved"
    >
      <div class="wrap page">
        <h1>{strings.achieved.title}</h1>
        <p class="lead">{strings.achieved.lead}</p>
        <p class="muted">{fill(strings.achieved.count, { count: totals.achieved })}</p>
        {list.entries.length > 0 ? (
          <ProjectList entries={list.entries} locale={locale} strings={strings} />
        ) : (
          <p>{strings.achieved.empty}</p>
        )}
        <Pagination
          page={list.page}
          pages={list.pages}
          hrefFor={(page) => pathFor(locale, { page: "achieved", number: page })}
          strings={strings}
        />
      </div>
    </Layout>
  );
}
