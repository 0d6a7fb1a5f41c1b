import type { ComponentChildren } from "preact";
import { feedPath, pathFor } from "../content/paths.ts";
import type { LayoutStrings } from "../content/outage-strings.ts";
import type { Locale } from "../content/schema.ts";
import { ConsentBanner } from "./consent/ConsentBanner.tsx";
import type { ConsentRender } from "./consent/consent-render.ts";
import { SHARE_IMAGES } from "./share-image.ts";
import { CSS } from "./styles.ts";

export type PageMeta = {
  title: string;
  description: string;
  /** Absolute URL of this page. */
  canonical: string;
  /** Absolute URL of this page in each locale. */
  alternates: Record<Locale, string>;
  ogType?: "website" | "article";
  jsonLd?: object;
};

export type LayoutProps = {
  locale: Locale;
  strings: LayoutStrings;
  meta: PageMeta;
  current?: "plan" | "achieved" | "cookies";
  /**
   * The visitor's consent state; without one (component tests) the page asks nothing and
   * loads nothing.
   */
  consentState?: ConsentRender;
  children: ComponentChildren;
};

/** A URL may not hold spaces (the Nu checker refuses them), so the SVG's are %20 too. */
const FAVICON =
  "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%2032%2032'%3E%3Crect%20width='32'%20height='32'%20rx='6'%20fill='%230b2545'/%3E%3Cpath%20d='M7%2021l9-11%209%2011'%20fill='none'%20stroke='%23fff'%20stroke-width='3'/%3E%3C/svg%3E";

/**
 * The document shell shared by every page: head metadata, header with the language switch, footer.
 */
export function Layout({ locale, strings, meta, current, consentState, children }: LayoutProps) {
  const other: Locale = locale === "it" ? "en" : "it";
  const otherStrings = strings.switchLanguage;
  const image = SHARE_IMAGES[locale];
  return (
    <html lang={strings.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={meta.canonical} />
        <link rel="alternate" hreflang="it" href={meta.alternates.it} />
        <link rel="alternate" hreflang="en" href={meta.alternates.en} />
        <link rel="alternate" hreflang="x-default" href={meta.alternates.it} />
        <link
          rel="alternate"
          type="application/atom+xml"
          href={new URL(feedPath(locale), meta.canonical).href}
          title={strings.achieved.feedTitle}
        />
        <link rel="icon" href={FAVICON} />
        <meta name="theme-color" content="#0b2545" />
        <meta property="og:type" content={meta.ogType ?? "website"} />
        <meta property="og:site_name" content={strings.siteName} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={meta.canonical} />
        <meta property="og:locale" content={strings.ogLocale} />
        <meta property="og:locale:alternate" content={strings.switchLanguage.ogLocale} />
        <meta property="og:image" content={new URL(image.path, meta.canonical).href} />
        <meta property="og:image:type" content="image/png" />
        <meta property="og:image:width" content={String(image.width)} />
        <meta property="og:image:height" content={String(image.height)} />
        <meta property="og:image:alt" content={image.alt} />
        <meta name="twitter:card" content="summary_large_image" />
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
        {consentState?.analytics && (
          <>
            <script
              data-analytics
              dangerouslySetInnerHTML={{ __html: consentState.analytics.bootstrap }}
            />
            <script async src={consentState.analytics.src} data-analytics />
          </>
        )}
        {meta.jsonLd && (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{
              __html: JSON.stringify(meta.jsonLd).replace(/</g, "\\u003c"),
            }}
          />
        )}
      </head>
      <body>
        <a class="skip" href="#main">
          {strings.skipToContent}
        </a>
        {consentState?.banner && <PlacedBanner consentState={consentState} />}
        <header class="site-header">
          <div class="wrap header-inner">
            <a class="brand" href={pathFor(locale, { page: "home" })}>
              <span class="brand-name">{strings.siteName}</span>
              <span class="brand-tagline">{strings.siteTagline}</span>
            </a>
            <nav class="site-nav" aria-label={strings.mainNavLabel}>
              <a
                href={pathFor(locale, { page: "home" })}
                aria-current={current === "plan" ? "page" : undefined}
              >
                {strings.nav.plan}
              </a>
              <a
                href={pathFor(locale, { page: "achieved" })}
                aria-current={current === "achieved" ? "page" : undefined}
              >
                {strings.nav.achieved}
              </a>
              <a
                class="lang-switch"
                href={meta.alternates[other]}
                hreflang={other}
                lang={other}
                title={otherStrings.hint}
              >
                {otherStrings.label}
              </a>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
          {/* On paper only: where the page lives. */}
          <p class="print-source">
            {strings.siteName} · {meta.canonical}
          </p>
        </main>
        <footer class="site-footer">
          <div class="wrap footer-inner">
            <p>{strings.footer.about}</p>
            <p>{strings.footer.promoter}</p>
            <p class="muted">{strings.footer.illustrative}</p>
            <ul class="footer-links">
              <li>
                <a href={pathFor(locale, { page: "cookies" })} data-consent-open>
                  {strings.footer.cookiePreferences}
                </a>
              </li>
              <li>
                <a href={feedPath(locale)} type="application/atom+xml">
                  {strings.footer.feed}
                </a>
              </li>
              <li>
                <a href={meta.alternates[other]} hreflang={other} lang={other}>
                  {otherStrings.label}
                </a>
              </li>
            </ul>
          </div>
        </footer>
        {consentState && <ConsentScript consentState={consentState} />}
      </body>
    </html>
  );
}

/**
 * The banner, for visitors without a valid choice: first in the body, so it is the first thing a
 * keyboard reaches.
 */
function PlacedBanner({ consentState }: { consentState: ConsentRender }) {
  consentState.placed.banner = true;
  return <ConsentBanner {...consentState.banner!} nonce={consentState.nonce} />;
}

/**
 * The progressive-enhancement script, rendered last so it knows whether the page placed anything it
 * works on.
 */
function ConsentScript({ consentState }: { consentState: ConsentRender }) {
  const { placed } = consentState;
  placed.script = placed.banner || placed.embeds.some((embed) => !embed.shown);
  return placed.script ? <script src={consentState.scriptPath} defer /> : null;
}
