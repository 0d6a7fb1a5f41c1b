// The labels an error page needs (its layout and the error texts), picked from strings.json. The
// Worker bundles only these (content/outage-strings.json, written by npm run content:schema), for
// the error pages it must show when KV cannot be read; every other label stays in KV. Pure.
import type { Locale, Strings, UiStrings } from "./schema.ts";

/** What the site's layout reads from the labels. */
export type LayoutStrings = Pick<
  UiStrings,
  | "htmlLang"
  | "siteName"
  | "siteTagline"
  | "switchLanguage"
  | "mainNavLabel"
  | "nav"
  | "skipToContent"
  | "footer"
  | "ogLocale"
> & {
  achieved: Pick<UiStrings["achieved"], "feedTitle">;
};

/** What an error page reads: the layout's labels and the error texts. */
export type OutageStrings = LayoutStrings & Pick<UiStrings, "errors">;

export function pickOutageStrings(strings: Strings): Record<Locale, OutageStrings> {
  const pick = (s: UiStrings): OutageStrings => ({
    htmlLang: s.htmlLang,
    siteName: s.siteName,
    siteTagline: s.siteTagline,
    switchLanguage: s.switchLanguage,
    mainNavLabel: s.mainNavLabel,
    nav: s.nav,
    skipToContent: s.skipToContent,
    footer: s.footer,
    ogLocale: s.ogLocale,
    achieved: { feedTitle: s.achieved.feedTitle },
    errors: s.errors,
  });
  return { it: pick(strings.it), en: pick(strings.en) };
}

/** The generated file's text. */
export function renderOutageStrings(strings: Strings): string {
  return `${JSON.stringify(pickOutageStrings(strings), null, 2)}\n`;
}
