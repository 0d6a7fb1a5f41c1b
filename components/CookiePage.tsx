import type { ConsentView, ShownCategory } from "../content/consent-view.ts";
import type { SiteView } from "../content/views.ts";
import { ConsentPolicy } from "./consent/ConsentPolicy.tsx";
import { ConsentPreferences } from "./consent/ConsentPreferences.tsx";
import { Layout, type PageMeta } from "./Layout.tsx";
import type { ConsentRender } from "./consent/consent-render.ts";

export type CookiePageProps = {
  site: SiteView;
  meta: PageMeta;
  consent: ConsentView;
  categories: ShownCategory[];
  consentState?: ConsentRender;
};

/** The cookie policy and the preferences form, as the visitor's consent state shows them. */
export function CookiePage({ site, meta, consent, categories, consentState }: CookiePageProps) {
  const { strings, locale } = site;
  return (
    <Layout
      locale={locale}
      strings={strings}
      meta={meta}
      consentState={consentState}
      current="cookies"
    >
      <div class="wrap page cookie-page">
        <h1>{strings.cookiePage.title}</h1>
        <p class="lead">{strings.cookiePage.lead}</p>
        <ConsentPreferences
          locale={locale}
          texts={consent.texts}
          categories={categories}
          consentState={consentState}
        />
        <ConsentPolicy consent={consent} categories={categories} />
      </div>
    </Layout>
  );
}
