// `/it/feed.xml`, `/en/feed.xml`: an Atom feed (RFC 4287) of the achieved projects, newest first,
// cached like the sitemap.
import { feedPath, pathFor } from "../../content/paths.ts";
import { LOCALES, type Locale } from "../../content/locales.ts";
import type { FeedEntry, FeedView, SiteView } from "../../content/views.ts";
import type { ContentStore } from "../content/store.ts";
import { applySecurityHeaders } from "../http/security-headers.ts";

export const FEED_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/**
 * Ids are tag URIs (RFC 4151) of the project's id, never of its slug or the content version, so a
 * publish that rewords or renames a project keeps its entry; the date is the plan's presentation,
 * when the authority named them.
 */
export function entryId(
  host: string,
  presentedOn: string,
  locale: Locale,
  projectId: string,
): string {
  return `tag:${host},${presentedOn}:${locale}/project/${projectId}`;
}

/** The Atom document of one locale's feed. Pure. */
export function renderFeed(origin: string, site: SiteView, feed: FeedView): string {
  const { locale, strings, plan } = site;
  const other: Locale = locale === "it" ? "en" : "it";
  const host = new URL(origin).hostname;
  const updated = feed.entries.reduce(
    (latest, e) => (e.date > latest ? e.date : latest),
    plan.presentedOn,
  );
  const entry = (e: FeedEntry) =>
    [
      "<entry>",
      `<id>${escapeXml(entryId(host, plan.presentedOn, locale, e.id))}</id>`,
      `<title type="text">${escapeXml(e.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(origin + pathFor(locale, { page: "project", slug: e.slug }))}"/>`,
      `<published>${atomDate(e.date)}</published>`,
      `<updated>${atomDate(e.date)}</updated>`,
      `<category term="${escapeXml(e.chapter.id)}" label="${escapeXml(e.chapter.title)}"/>`,
      `<summary type="text">${escapeXml(e.summary)}</summary>`,
      "</entry>",
    ].join("");
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(strings.htmlLang)}">`,
    `<id>${escapeXml(`tag:${host},${plan.presentedOn}:${locale}/achieved`)}</id>`,
    `<title type="text">${escapeXml(strings.achieved.feedTitle)}</title>`,
    `<subtitle type="text">${escapeXml(strings.achieved.description)}</subtitle>`,
    `<updated>${atomDate(updated)}</updated>`,
    "<author><name>Assolombarda</name></author>",
    `<link rel="self" type="application/atom+xml" href="${escapeXml(origin + feedPath(locale))}"/>`,
    `<link rel="alternate" type="text/html" hreflang="${locale}" href="${escapeXml(origin + pathFor(locale, { page: "achieved" }))}"/>`,
    `<link rel="alternate" type="application/atom+xml" hreflang="${other}" href="${escapeXml(origin + feedPath(other))}"/>`,
    ...feed.entries.map(entry),
    "</feed>",
    "",
  ].join("\n");
}

/**
 * The feed as a response: public for an hour, like the sitemap (its content changes only with
 * a publish).
 */
export async function serveFeed(
  locale: string,
  store: ContentStore,
  origin: string,
): Promise<Response | undefined> {
  if (!(LOCALES as readonly string[]).includes(locale)) return undefined;
  const site = await store.site(locale as Locale);
  const feed = await store.feed(locale as Locale);
  if (!feed) return undefined;
  const response = new Response(renderFeed(origin, site, feed), {
    headers: { "Content-Type": FEED_CONTENT_TYPE, "Cache-Control": "public, max-age=3600" },
  });
  applySecurityHeaders(response.headers);
  return response;
}

/** An achievement is dated by day: midnight UTC of that day, as RFC 3339 requires a time. */
function atomDate(isoDay: string): string {
  return `${isoDay}T00:00:00Z`;
}

/**
 * Escapes markup, and drops the control characters XML 1.0 cannot carry at all (a text field may
 * hold them).
 */
function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
