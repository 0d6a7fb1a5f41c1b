import type { SiteView } from "../content/views.ts";
import { Layout, type PageMeta } from "./Layout.tsx";

export type CookiePageProps = { site: SiteView; meta: PageMeta };

/** The cookie policy and preferences page. */
export function CookiePage({ site, meta }: CookiePageProps) {
  const { strings, locale } = site;
  return (
    <Layout locale={locale} strings={strings} meta={meta} current="cookies">
      <div class="wrap page">
        <h1>{strings.cookiePage.title}</h1>
        <p class="lead">{strings.cookiePage.lead}</p>
      </div>
    </Layout>
  );
}
