import type { ConsentView, ShownCategory } from "../content/consent-view.ts";
import type { SiteView } from "../content/views.ts";
import { ConsentPolicy } from "./consent/ConsentPolicy.tsx";
import { ConsentPreferences } from "./consent/ConsentPreferences.tsx";
import { Layout, type PageMeta } from "./Layout.tsx";

export type CookiePageProps = { site: SiteView; meta: PageMeta; consent: ConsentView; categories: ShownCategory[] };

/** The cookie policy and the preferences form, consent-neutral: the Worker applies the visitor's state. */
export function CookiePage({ site, meta, consent, categories }: CookiePageProps) {
  const { strings, locale } = site;
  return (
    <Layout locale={locale} strings={strings} meta={meta} current="cookies">
      <div class="wrap page cookie-page">
        <h1>{strings.cookiePage.title}</h1>
        <p class="lead">{strings.cookiePage.lead}</p>
        <ConsentPreferences locale={locale} texts={consent.texts} categories={categories} />
        <ConsentPolicy consent={consent} categories={categories} />
      </div>
    </Layout>
  );
}
