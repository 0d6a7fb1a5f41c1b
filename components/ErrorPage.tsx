import type { OutageStrings } from "../content/outage-strings.ts";
import type { Locale, UiStrings } from "../content/schema.ts";
import { Layout, type PageMeta } from "./Layout.tsx";
import type { ConsentRender } from "./consent/consent-render.ts";

export type ErrorKind = keyof UiStrings["errors"];

export type ErrorPageProps = {
  locale: Locale;
  strings: OutageStrings;
  kind: ErrorKind;
  meta: PageMeta;
  actionHref: string;
  consentState?: ConsentRender;
};

/** A localized error page (404, 500, 503) that still carries the site's header and footer. */
export function ErrorPage({
  locale,
  strings,
  kind,
  meta,
  actionHref,
  consentState,
}: ErrorPageProps) {
  const text = strings.errors[kind];
  return (
    <Layout locale={locale} strings={strings} meta={meta} consentState={consentState}>
      <div class="wrap page error">
        <h1>{text.title}</h1>
        <p class="lead">{text.text}</p>
        <p>
          <a class="button-link" href={actionHref}>
            {text.action}
          </a>
        </p>
      </div>
    </Layout>
  );
}
