import type { ConsentView, ShownCategory } from "../../content/consent-view.ts";
import { ConsentBanner } from "../consent/ConsentBanner.tsx";
import { ConsentPolicy } from "../consent/ConsentPolicy.tsx";
import { ConsentPreferences } from "../consent/ConsentPreferences.tsx";
import { CSS } from "../styles.ts";

/**
 * What the ledger archives as "the texts shown" (worker/consent/policy-version.ts
 * serializeShownTexts), in its current format.
 */
export type ArchivedTexts = Pick<
  ConsentView,
  "locale" | "updated" | "texts" | "controller" | "consentLog" | "authority" | "dates"
> & {
  categories: ShownCategory[];
};

/**
 * A standalone page showing archived consent texts through the site's own components and
 * stylesheet: the banner, the preferences and the notice, as a visitor with no choice saw them.
 * Served in a sandboxed frame.
 */
export function ArchivedConsent({ archived }: { archived: ArchivedTexts }) {
  const { locale, texts, categories } = archived;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <ConsentBanner
          locale={locale}
          texts={texts.banner}
          categories={categories}
          returnTo={`/${locale}/`}
          signal={false}
        />
        <div class="wrap page cookie-page">
          <ConsentPreferences locale={locale} texts={texts} categories={categories} />
          <ConsentPolicy consent={archived} categories={categories} />
        </div>
      </body>
    </html>
  );
}
