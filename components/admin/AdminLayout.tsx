import type { ComponentChildren } from "preact";
import type { AdminStrings, Locale } from "../../content/schema.ts";
import { fill } from "../format.ts";
import { ADMIN_CSS } from "./admin-styles.ts";

export type AdminLayoutProps = {
  title: string;
  principal: string;
  t: AdminStrings;
  /** This page in each language: the switch. */
  languages: Record<Locale, string>;
  children: ComponentChildren;
};

/**
 * The admin shell: no site chrome, no third-party assets, never indexed; the language switch in
 * the bar.
 */
export function AdminLayout({ title, principal, t, languages, children }: AdminLayoutProps) {
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: ADMIN_CSS }} />
      </head>
      <body>
        <header class="bar">
          <a href="/admin/">{t.layout.brand}</a>
          <nav aria-label={t.layout.language} class="langs">
            {(Object.keys(languages) as Locale[]).map((locale) =>
              locale === t.htmlLang ? (
                <strong lang={locale} aria-current="true">
                  {t.layout.languages[locale]}
                </strong>
              ) : (
                <a href={languages[locale]} lang={locale} hreflang={locale}>
                  {t.layout.languages[locale]}
                </a>
              ),
            )}
          </nav>
          <span>{fill(t.layout.signedInAs, { who: principal })}</span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
