// The non-page routes of the site: the language redirect, robots.txt and sitemap.xml.
import type { SitemapView } from "../../content/views.ts";
import { LOCALES } from "../../content/locales.ts";
import { negotiateLocale } from "../http/locale.ts";
import { applySecurityHeaders } from "../http/security-headers.ts";

/** `/`: send the visitor to their language. Varies per visitor, so shared caches never keep it. */
export function redirectByLanguage(request: Request): Response {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  return withHeaders(null, 302, {
    Location: `/${locale}/`,
    "Cache-Control": "private, no-store",
    Vary: "Accept-Language",
  });
}

export function serveRobots(origin: string): Response {
  const body = `User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${origin}/sitemap.xml\n`;
  return withHeaders(body, 200, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "public, max-age=3600",
  });
}

/**
 * Every page in both languages, each listing its alternates (hreflang) as search engines expect.
 */
export function serveSitemap(origin: string, sitemap: SitemapView): Response {
  const urls = sitemap.alternates.map((pair) => {
    const links = LOCALES.map(
      (l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(origin + pair[l])}"/>`,
    ).join("");
    const xDefault = `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(origin + pair.it)}"/>`;
    return LOCALES.map(
      (l) => `<url><loc>${escapeXml(origin + pair[l])}</loc>${links}${xDefault}</url>`,
    ).join("");
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join("\n")}</urlset>\n`;
  return withHeaders(body, 200, {
    "Content-Type": "application/xml; charset=utf-8",
    "Cache-Control": "public, max-age=3600",
  });
}

function withHeaders(
  body: string | null,
  status: number,
  headers: Record<string, string>,
): Response {
  const response = new Response(body, { status, headers });
  applySecurityHeaders(response.headers);
  return response;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
