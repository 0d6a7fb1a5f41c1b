// The whole stylesheet, inlined in every page (no render-blocking request) and allowed by its CSP
// hash. Written readable here; whitespace is squeezed once at load.
const SOURCE = `
:root {
  --ink: #14213d;
  --ink-soft: #4a5568;
  --paper: #ffffff;
  --paper-alt: #f3f5f8;
  --navy: #0b2545;
  --accent: #1d4f91;
  --accent-strong: #123a6d;
  --line: #d6dce5;
  --ok-bg: #e3f3e8;
  --ok-ink: #14532d;
  --wip-bg: #fff2d9;
  --wip-ink: #6b3a00;
  --focus: #c2410c;
  --radius: 10px;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
  /* No system-ui: on Linux it resolves to DejaVu Sans, wide enough to wrap the banner's choices on a 360 px phone;
     each platform's UI font is named instead (Liberation Sans, Arial's metrics, on Linux). */
  --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; scroll-padding-block: 6rem; }
body { margin: 0; font: 1.0625rem/1.6 var(--sans); color: var(--ink); background: var(--paper); }
h1, h2, h3 { font-family: var(--serif); line-height: 1.2; color: var(--navy); margin: 0 0 .5em; }
h1 { font-size: clamp(1.9rem, 1.4rem + 2.4vw, 3rem); letter-spacing: -.01em; }
h2 { font-size: clamp(1.35rem, 1.2rem + .8vw, 1.75rem); margin-top: 1.6em; }
h3 { font-size: 1.3rem; }
p { margin: 0 0 1em; }
a { color: var(--accent); text-underline-offset: .18em; }
a:hover { color: var(--accent-strong); text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
main:focus { outline: none; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
.page { padding-top: 2rem; padding-bottom: 3rem; }
.muted { color: var(--ink-soft); }
.lead { font-size: 1.2rem; color: var(--ink-soft); max-width: 42rem; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; font-weight: 600; color: var(--ink-soft); margin-bottom: .6rem; }
.skip { position: absolute; left: .75rem; top: -4rem; z-index: 10; padding: .6rem 1rem; background: var(--paper); color: var(--navy); font-weight: 600; border-radius: var(--radius); }
.skip:focus { top: .75rem; }

.site-header { background: var(--navy); color: #fff; }
.header-inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .75rem 2rem; padding-top: .9rem; padding-bottom: .9rem; }
.brand { color: #fff; text-decoration: none; display: flex; flex-direction: column; }
.brand:hover { color: #fff; }
.brand-name { font-family: var(--serif); font-size: 1.35rem; font-weight: 700; }
.brand-tagline { font-size: .85rem; color: #c9d6ea; }
.site-nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; align-items: center; }
.site-nav a { color: #fff; text-decoration: none; padding: .35rem .1rem; border-bottom: 2px solid transparent; }
.site-nav a:hover, .site-nav a[aria-current="page"] { border-bottom-color: #fff; color: #fff; }
.site-nav .lang-switch { border: 1px solid #8fa7c9; border-radius: 999px; padding: .25rem .8rem; }
.site-nav .lang-switch:hover { background: #fff; color: var(--navy); }

.hero { background: linear-gradient(180deg, var(--paper-alt), var(--paper)); border-bottom: 1px solid var(--line); padding: 2.5rem 0 2rem; }
.subtitle { font-family: var(--serif); font-size: 1.3rem; color: var(--ink-soft); margin-top: -.2rem; }
.intro { max-width: 44rem; }
.progress { margin-top: 1.5rem; max-width: 32rem; }
.progress-label { font-weight: 600; margin-bottom: .4rem; }
progress { display: block; width: 100%; height: .75rem; margin-bottom: 1rem; border: 0; border-radius: 999px; background: var(--line); color: var(--ok-ink); overflow: hidden; appearance: none; }
progress::-webkit-progress-bar { background: var(--line); border-radius: 999px; }
progress::-webkit-progress-value { background: var(--ok-ink); border-radius: 999px; }
progress::-moz-progress-bar { background: var(--ok-ink); border-radius: 999px; }
.button-link { display: inline-block; padding: .6rem 1.1rem; border-radius: var(--radius); background: var(--accent); color: #fff; font-weight: 600; text-decoration: none; }
.button-link:hover { background: var(--accent-strong); color: #fff; }

.section-title { margin-top: 2rem; }
.chapter { margin: 2rem 0 2.5rem; }
.chapter-header { display: flex; gap: 1rem; align-items: flex-start; margin-bottom: 1rem; }
.chapter-header p { margin: 0 0 .25rem; max-width: 44rem; }
.chapter-header h3 { margin-bottom: .25rem; }
.chapter-number { flex: none; display: grid; place-items: center; width: 2.6rem; height: 2.6rem; border-radius: 50%; background: var(--navy); color: #fff; font: 700 1.2rem var(--serif); }
.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: .85rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr)); }
.card { position: relative; display: flex; flex-direction: column; gap: .45rem; padding: 1rem 1.1rem; border: 1px solid var(--line); border-radius: var(--radius); background: var(--paper); }
.card:hover { border-color: var(--accent); box-shadow: 0 2px 10px rgba(11, 37, 69, .08); }
.card-number { font-size: .8rem; color: var(--ink-soft); font-weight: 600; }
.card-title { font-weight: 600; font-size: 1.05rem; color: var(--navy); text-decoration: none; }
.card-title::after { content: ""; position: absolute; inset: 0; border-radius: var(--radius); }
.card-title:hover { text-decoration: underline; }
.badge { align-self: flex-start; display: inline-block; padding: .2rem .65rem; border-radius: 999px; font-size: .85rem; font-weight: 600; }
.badge-achieved { background: var(--ok-bg); color: var(--ok-ink); }
.badge-progress { background: var(--wip-bg); color: var(--wip-ink); }
.project-header .badge { font-size: .95rem; padding: .35rem .85rem; }

.project > * { max-width: 46rem; }
.breadcrumb { font-size: .9rem; color: var(--ink-soft); margin-bottom: 1.25rem; }
.breadcrumb ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .1rem 0; }
.breadcrumb li + li::before { content: "/" / ""; margin: 0 .5rem; color: var(--ink-soft); }
.project-header { margin-bottom: 1.5rem; }
.notice { border-left: 4px solid var(--wip-ink); background: var(--wip-bg); padding: .75rem 1rem; border-radius: 0 var(--radius) var(--radius) 0; font-size: .95rem; }
.objective { background: var(--paper-alt); border-radius: var(--radius); padding: .25rem 1.25rem .5rem; margin-top: 1.5rem; }
.objective h2 { margin-top: 1rem; font-size: 1.2rem; }
.objective p { font-size: 1.15rem; }
.responsible p { border-left: 4px solid var(--navy); padding-left: 1rem; }
.related { list-style: none; padding: 0; margin: 0; }
.related li { padding: .75rem 0; border-bottom: 1px solid var(--line); display: flex; flex-direction: column; gap: .15rem; }
.related-meta { font-size: .85rem; color: var(--ink-soft); }
.embed { margin: 0 0 1.5rem; }
.embed-placeholder { background: var(--navy); color: #fff; border-radius: var(--radius); padding: 1.5rem; aspect-ratio: 16 / 9; display: flex; flex-direction: column; justify-content: center; }
.embed-placeholder p { max-width: 34rem; }
.embed-placeholder a { color: #fff; }
.embed-heading { font: 700 1.25rem var(--serif); }
.embed iframe { width: 100%; aspect-ratio: 16 / 9; border: 0; border-radius: var(--radius); }
.embed figcaption { font-size: .9rem; color: var(--ink-soft); margin-top: .5rem; }
.tags { margin-top: 1.5rem; }
.back-links { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin-top: 2.5rem; padding-top: 1.25rem; border-top: 1px solid var(--line); }
.pagination { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 2rem 0; }
.filters form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1rem; margin: 1rem 0 .5rem; padding: 1rem 1.1rem; border: 1px solid var(--line); border-radius: var(--radius); background: var(--paper-alt); }
.filter-field { display: flex; flex-direction: column; gap: .3rem; flex: 1 1 14rem; min-width: 0; }
.filter-field label { font-weight: 600; font-size: .95rem; }
.filter-field select { width: 100%; min-height: 2.75rem; padding: .5rem .7rem; border: 1px solid var(--ink-soft); border-radius: 8px; background: var(--paper); color: var(--ink); font: inherit; }
.filter-apply { min-height: 2.75rem; padding: .55rem 1.4rem; border: 0; border-radius: var(--radius); background: var(--accent); color: #fff; font: 600 1rem/1.25 var(--sans); cursor: pointer; }
.filter-apply:hover { background: var(--accent-strong); }
.filter-reset { display: inline-block; padding: .65rem 0; }
.results { font-weight: 600; font-size: 1.1rem; margin: 1rem 0 0; }
.results:focus { outline: none; }

.site-footer { background: var(--paper-alt); border-top: 1px solid var(--line); padding: 2rem 0; margin-top: 2rem; font-size: .95rem; }
.footer-inner p { margin-bottom: .5rem; max-width: 48rem; }
.footer-links { list-style: none; padding: 0; margin: 1rem 0 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.footer-links a { display: inline-block; padding: .25rem 0; }
/* Safari drops list semantics under list-style: none; an invisible marker keeps them, without role="list". */
.cards, .related, .footer-links, .breadcrumb ol { list-style-type: "\\200B"; }

.consent-button { display: inline-flex; align-items: center; justify-content: center; min-height: 2.75rem; min-width: 2.75rem; margin: 0; padding: .55rem 1.2rem; border: 2px solid var(--accent); border-radius: var(--radius); background: var(--accent); color: #fff; font: 600 1rem/1.25 var(--sans); text-align: center; text-decoration: none; cursor: pointer; }
.consent-button:hover { background: var(--accent-strong); border-color: var(--accent-strong); color: #fff; }
.consent-actions { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.consent-banner { background: var(--paper-alt); border-top: 4px solid var(--accent); border-bottom: 1px solid var(--line); }
.consent-inner { padding-top: 1rem; padding-bottom: .75rem; }
.consent-banner form:not([hidden]) { display: flow-root; }
.consent-banner h2 { margin: .35rem 0 .6rem; font-size: 1.4rem; }
.consent-notice, .consent-signal, .consent-more > * { max-width: 52rem; }
.consent-notice { margin-bottom: .75rem; }
.consent-x { float: right; margin: 0 0 .25rem 1rem; padding: 0; }
.consent-x-icon { width: 1.25rem; height: 1.25rem; }
.consent-signal { border-left: 4px solid var(--accent); padding-left: .75rem; }
.consent-banner .consent-actions { align-items: center; margin: .75rem 0 .5rem; }
.consent-links { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1.5rem; }
.consent-links a, .consent-more summary { padding: .15rem 0; }
.consent-links a { display: inline-block; }
.consent-more summary { color: var(--accent); text-decoration: underline; text-underline-offset: .18em; cursor: pointer; }
.consent-links:has(.consent-more[open]), .consent-more[open] { flex: 1 1 100%; }
.consent-more ul { padding-left: 1.25rem; }
.consent-done { margin: 0 0 .5rem; font-weight: 600; }
.consent-done[data-pending] { visibility: hidden; }
.consent-done:focus { outline: none; }
.consent-done:focus-visible { outline: 3px solid var(--focus); }
.cookie-page section[id] { scroll-margin-top: 1rem; }
.consent-receipt { background: var(--paper-alt); border-left: 4px solid var(--navy); border-radius: 0 var(--radius) var(--radius) 0; padding: .9rem 1.25rem .4rem; margin: 1.25rem 0 1.5rem; }
.consent-receipt h3 { font-size: 1.15rem; }
.consent-receipt code { font-size: .95rem; overflow-wrap: anywhere; }
.consent-choices { list-style: none; margin: 0; padding: 0; }
.consent-withdraw { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin-bottom: .75rem; }
.consent-category { border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; margin: 1rem 0; }
.consent-category-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem; margin-bottom: .5rem; }
.consent-category-head h3 { margin: 0; }
.switch { position: relative; display: inline-flex; align-items: center; gap: .6rem; min-height: 2.75rem; font-weight: 600; cursor: pointer; }
.switch input { position: absolute; z-index: 1; left: 0; top: 50%; width: 3.25rem; height: 1.9rem; margin: -.95rem 0 0; opacity: 0; cursor: inherit; }
.switch-track { position: relative; flex: none; width: 3.25rem; height: 1.9rem; border: 2px solid var(--ink-soft); border-radius: 999px; background: var(--paper); }
.switch-track::before { content: ""; position: absolute; top: .2rem; left: .2rem; width: 1.2rem; height: 1.2rem; border-radius: 50%; background: var(--ink-soft); }
.switch input:checked + .switch-track { border-color: var(--ok-ink); background: var(--ok-ink); }
.switch input:checked + .switch-track::before { left: auto; right: .2rem; background: #fff; }
.switch input:focus-visible + .switch-track { outline: 3px solid var(--focus); outline-offset: 2px; }
.switch input:disabled { cursor: not-allowed; }
.switch input:checked ~ .switch-off, .switch input:not(:checked) ~ .switch-on { display: none; }
.consent-service { border-top: 1px solid var(--line); margin-top: 1rem; padding-top: .9rem; }
.consent-service h4 { font: 700 1.1rem var(--sans); color: var(--navy); margin: 0 0 .75rem; }
.consent-facts { display: grid; grid-template-columns: minmax(7rem, 13rem) 1fr; gap: .3rem 1rem; margin: 0 0 1rem; }
.consent-facts dt { font-weight: 600; color: var(--ink-soft); }
.consent-facts dd { margin: 0; }
.cookie-table { width: 100%; border-collapse: collapse; font-size: .95rem; margin-bottom: .5rem; }
.cookie-table caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
.cookie-table th, .cookie-table td { text-align: left; vertical-align: top; padding: .5rem .6rem; border-bottom: 1px solid var(--line); }
.cookie-table thead th { background: var(--paper-alt); }
.cookie-table th[scope=row] { white-space: nowrap; }
.embed-placeholder .consent-button { background: #fff; border-color: #fff; color: var(--navy); }
.embed-placeholder .consent-button:hover { background: var(--paper-alt); color: var(--navy); }
.embed-placeholder form { margin-bottom: .75rem; }
.embed-note { font-size: .9rem; margin: 0; }
.embed-frame { display: block; width: 100%; aspect-ratio: 16 / 9; border: 0; border-radius: var(--radius); background: #000; }

@media (max-width: 40rem) {
  .page { padding-top: 1.25rem; }
  .hero { padding-top: 1.75rem; }
  .header-inner { padding-top: .75rem; padding-bottom: .75rem; }
  .consent-actions .consent-button { flex: 1 1 100%; }
  .consent-inner { padding-top: .5rem; padding-bottom: .25rem; }
  .consent-banner h2 { margin: .5rem 0 .25rem; font-size: 1.125rem; }
  .consent-notice, .consent-signal, .consent-links, .consent-done { font-size: .9375rem; line-height: 1.4; }
  .consent-notice { margin-bottom: .5rem; }
  .consent-x { margin: 0 0 0 .5rem; }
  .consent-signal { margin-bottom: .6rem; }
  /* Three equal columns while the widest label fits on one line (22rem and up), two below: one size for every choice. */
  .consent-banner .consent-actions { display: grid; grid-template-columns: repeat(3, 1fr); gap: .375rem; align-items: start; margin: .5rem 0 .25rem; }
  .consent-links { grid-column: 1 / -1; }
  .consent-banner .consent-button { padding: .3rem 0; font-size: .875rem; }
  .consent-facts { grid-template-columns: 1fr; }
  .consent-facts dd { margin-bottom: .4rem; }
  .cookie-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .cookie-table tr { display: block; border-bottom: 1px solid var(--line); padding: .4rem 0; }
  .cookie-table th, .cookie-table td { display: block; border: 0; padding: .15rem 0; }
  .cookie-table th[scope=row] { white-space: normal; overflow-wrap: anywhere; }
  .cookie-table [data-label]::before { content: attr(data-label) ":"; margin-right: .4em; font-weight: 600; }
}
@media (max-width: 22rem) {
  .consent-banner .consent-actions { grid-template-columns: 1fr 1fr; }
  .consent-links { grid-column: auto; flex-direction: column; align-self: center; }
  .consent-links a, .consent-more summary { padding: .1rem 0; }
  .consent-banner h2 { margin: .55rem 0 .2rem; font-size: 1.0625rem; }
  .consent-notice, .consent-signal, .consent-links, .consent-done { font-size: .875rem; }
  .consent-links:has(.consent-more[open]) { grid-column: 1 / -1; }
  /* The smallest phones: a compact header, so the page's heading still shows beneath the banner. */
  .header-inner { gap: .2rem 1rem; padding-top: .45rem; padding-bottom: .45rem; }
  .brand-tagline { display: none; }
  .site-nav { gap: 0 .75rem; font-size: .9375rem; }
  .site-nav a { padding: .15rem .1rem; }
  .site-nav .lang-switch { padding: .1rem .7rem; }
  .page { padding-top: .6rem; }
  .breadcrumb { margin-bottom: .5rem; }
  .project-header .eyebrow { margin-bottom: .3rem; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
.print-source { display: none; }
/* A project prints as a clean document: its text and where every link leads; nothing to click, no banner. */
@media print {
  @page { margin: 18mm 16mm; }
  .site-header, .site-footer, .skip, .consent-banner, [data-consent-slot], form, search, .breadcrumb, .back-links, .pagination, .embed-placeholder, .embed iframe, .embed-frame { display: none !important; }
  body { font: 11pt/1.45 var(--serif); color: #000; background: #fff; }
  .wrap { max-width: none; padding: 0; }
  .project > * { max-width: none; }
  .page { padding: 0; }
  h1, h2, h3 { color: #000; break-after: avoid; }
  h1 { font-size: 22pt; }
  h2 { font-size: 14pt; margin-top: 1.2em; }
  p, li { orphans: 3; widows: 3; }
  .related li, .responsible p, figure, .card { break-inside: avoid; }
  .objective, .notice { background: none; border: 1px solid #888; }
  .badge { background: none; border: 1px solid #000; color: #000; }
  .muted, .eyebrow, .related-meta, .embed figcaption { color: #333; }
  a { color: #000; }
  main a[href]::after { content: " (" attr(href) ")"; font-size: 9pt; overflow-wrap: anywhere; }
  .card-title::after { position: static; }
  .print-source { display: block; margin-top: 2em; padding-top: .5em; border-top: 1px solid #888; font-size: 9pt; color: #333; }
}
`;

export const CSS = SOURCE.replace(/\s*\n\s*/g, "")
  .replace(/\s*([{};:,>])\s*/g, "$1")
  .replace(/;}/g, "}");
