// The site's pages: language redirect, plan, projects, localized 404s, one URL each, site files.
import { beforeAll, describe, expect, it } from "vitest";
import type { ContentBundle } from "../../content/build.ts";
import { LOCALES } from "../../content/schema.ts";
import { ORIGIN, expectMovedTo, html, realBundle, req, seed } from "../helpers/worker.ts";

let bundle: ContentBundle;

beforeAll(async () => {
  bundle = realBundle();
  await seed(bundle);
});

const linkTo = (body: string, hreflang: string) =>
  new RegExp(`<link rel="alternate" hreflang="${hreflang}" href="([^"]+)"`).exec(body)?.[1];

// The site's routes in workerd: language redirect, the plan, project pages, 404s in the visitor's
// language, one URL a page, methods, sitemap and robots.txt.
describe("/ sends visitors to their language", () => {
  it.each([
    ["en-GB,en;q=0.9", "/en/"],
    ["it-IT,it;q=0.9", "/it/"],
    ["de-DE", "/it/"],
    [null, "/it/"],
  ])("Accept-Language %j → %s, never kept by shared caches", async (language, location) => {
    const res = await req("GET /", { headers: language ? { "Accept-Language": language } : {} });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(location);
    expect(res.headers.get("Cache-Control")).toMatch(/private|no-store/);
    expect(res.headers.get("Vary")).toContain("Accept-Language");
  });
});

describe("the plan", () => {
  it.each(LOCALES)(
    "/%s/ lists all 50 projects by chapter, each with its status",
    async (locale) => {
      const res = await req(`GET /${locale}/`);
      expect(res.status).toBe(200);
      const body = await html(res);
      expect(body).toContain(`<html lang="${locale}">`);
      expect(body.match(/class="card"/g)).toHaveLength(50);
      expect(body.match(/<h3 id="chapter-/g)).toHaveLength(4);
      expect(body.match(/class="badge badge-(achieved|progress)"/g)).toHaveLength(50);
      expect(body).toContain(
        locale === "it" ? "21 obiettivi raggiunti su 50 progetti" : "21 of 50 objectives achieved",
      );
    },
  );

  it.each([
    ["/it/obiettivi-raggiunti", "it"],
    ["/en/achieved", "en"],
  ] as const)("%s lists the achieved projects, newest first", async (path, locale) => {
    const body = await html(await req(`GET ${path}`));
    const shown = [...body.matchAll(/class="card-title" href="[^"]+\/([a-z0-9-]+)"/g)].map(
      (m) => m[1],
    );
    const expected = bundle.projects
      .flatMap((p) =>
        p.status.state === "achieved" ? [{ slug: p.text[locale].slug, date: p.status.date }] : [],
      )
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((p) => p.slug);
    expect(shown).toEqual(expected);
    expect(shown).toHaveLength(21);
  });
});

describe("project pages", () => {
  it("every project answers 200 in both languages and links to its twin", async () => {
    for (const project of bundle.projects) {
      for (const locale of LOCALES) {
        const other = locale === "it" ? "en" : "it";
        const path =
          locale === "it"
            ? `/it/progetti/${project.text.it.slug}`
            : `/en/projects/${project.text.en.slug}`;
        const twin =
          other === "it"
            ? `/it/progetti/${project.text.it.slug}`
            : `/en/projects/${project.text.en.slug}`;
        const res = await req(`GET ${path}`);
        expect(res.status, path).toBe(200);
        const body = await res.text();
        expect(linkTo(body, other), path).toBe(ORIGIN + twin);
        expect(body, path).toContain(`<link rel="canonical" href="${ORIGIN}${path}"/>`);
        expect(body, path).toContain(`class="lang-switch" href="${ORIGIN}${twin}"`);
      }
    }
  });

  it("Life Sciences shows its date, responsible person, related items and video placeholder in Italian", async () => {
    const body = await html(await req("GET /it/progetti/milano-citta-della-life-sciences"));
    expect(body).toContain("Obiettivo raggiunto il 31/12/2015");
    expect(body).toContain("Rosario Bifulco");
    expect(body).toContain("Meet in Italy for Life Sciences 2015");
    expect(body).toMatch(/<time datetime="2015-10-02">02\/10\/2015<\/time>/);
    expect(body).toContain("Video su YouTube");
    expect(body).toMatch(/<title>Milano Città della Life Sciences · Far volare Milano<\/title>/);
    expect(body).toMatch(/<meta name="description" content="[^"]{40,}"/);
    expect(body).toContain('<meta property="og:type" content="article"/>');
    expect(body).toContain('"@type":"BreadcrumbList"');
  });

  it("and in English, with the date written the English way", async () => {
    const body = await html(await req("GET /en/projects/milan-city-of-life-sciences"));
    expect(body).toContain("Objective achieved on 31 December 2015");
    expect(body).toContain("Vice President of Assolombarda");
    expect(body).toMatch(/<time datetime="2015-10-02">2 October 2015<\/time>/);
    expect(body).toContain("Video on YouTube");
  });

  it.each([
    ["/it/progetti/non-esiste", "it", "Pagina non trovata"],
    ["/en/projects/no-such-thing", "en", "Page not found"],
    ["/en/projects/milano-citta-della-life-sciences", "en", "Page not found"],
    ["/it/qualcosa", "it", "Pagina non trovata"],
    ["/nowhere", "it", "Pagina non trovata"],
  ])("%s → a localized 404", async (path, locale, title) => {
    const res = await req(`GET ${path}`);
    expect(res.status).toBe(404);
    const body = await html(res);
    expect(body).toContain(`<html lang="${locale}">`);
    expect(body).toContain(`<h1>${title}</h1>`);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("an unknown path in English for an English visitor is an English 404", async () => {
    const res = await req("GET /nowhere", { headers: { "Accept-Language": "en" } });
    expect(await html(res)).toContain("<h1>Page not found</h1>");
  });
});

describe("one URL per page", () => {
  it.each([
    ["/it", "/it/"],
    ["/EN/", "/en/"],
    ["/en/projects/milan-city-of-life-sciences/", "/en/projects/milan-city-of-life-sciences"],
    ["/en/Projects/Milan-City-of-Life-Sciences", "/en/projects/milan-city-of-life-sciences"],
    ["/it/?utm_source=newsletter&fbclid=x", "/it/"],
    ["/it//obiettivi-raggiunti", "/it/obiettivi-raggiunti"],
  ])("%s → 301 %s", (path, location) => expectMovedTo(path, location));

  it("a page number past the end is a 404, not an empty page", async () => {
    expect((await req("GET /it/?page=9")).status).toBe(404);
  });
});

describe("methods", () => {
  it("HEAD answers like GET without a body", async () => {
    const res = await req("HEAD /en/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toBe("");
  });

  it.each([
    "POST /it/",
    "PUT /en/projects/milan-city-of-life-sciences",
    "DELETE /",
    "PATCH /sitemap.xml",
  ])("%s → 405 with Allow", async (line) => {
    const res = await req(line);
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("GET, HEAD");
  });
});

describe("site files", () => {
  it("sitemap.xml lists every page in both languages with hreflang alternates", async () => {
    const res = await req("GET /sitemap.xml");
    expect(res.headers.get("Content-Type")).toContain("application/xml");
    const body = await res.text();
    expect(body.match(/<url>/g)).toHaveLength(2 * (3 + 50));
    expect(body).toContain(`<loc>${ORIGIN}/en/projects/milan-city-of-life-sciences</loc>`);
    expect(body).toContain(
      `hreflang="it" href="${ORIGIN}/it/progetti/milano-citta-della-life-sciences"`,
    );
  });

  it("robots.txt points to the sitemap and keeps crawlers out of admin", async () => {
    const body = await (await req("GET /robots.txt")).text();
    expect(body).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(body).toContain("Disallow: /admin/");
  });
});

describe("every page", () => {
  it.each(["/it/", "/en/achieved", "/it/cookie", "/en/projects/milan-city-of-life-sciences"])(
    "%s carries lang, canonical, hreflang, description, a footer link to cookie preferences and a strict CSP",
    async (path) => {
      const res = await req(`GET ${path}`);
      const body = await html(res);
      expect(body).toMatch(/<html lang="(it|en)">/);
      expect(body).toContain('<link rel="canonical"');
      expect(linkTo(body, "it")).toBeDefined();
      expect(linkTo(body, "en")).toBeDefined();
      expect(linkTo(body, "x-default")).toBeDefined();
      expect(body).toMatch(/<meta name="description" content="[^"]+"/);
      expect(body).toMatch(/<footer[\s\S]*href="\/(it\/cookie|en\/cookies)"/);
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get("Set-Cookie")).toBeNull();
    },
  );
});
