// The Atom feeds (RFC 4287) of achieved projects, as a feed reader gets them from the Worker.
import { beforeAll, describe, expect, it } from "vitest";
import type { ContentBundle } from "../../content/build.ts";
import { LOCALES, type Project } from "../../content/schema.ts";
import { ORIGIN, realBundle, req, seed } from "../helpers/worker.ts";

let bundle: ContentBundle;

beforeAll(async () => {
  bundle = realBundle();
  await seed(bundle);
});

/**
 * The children of `<tag>` elements, each as text; enough of an XML reader for a document the
 * Worker wrote.
 */
const elements = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "g"))].map(
    (m) => m[1]!,
  );
const count = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;
/** The feed without its entries: what belongs to the feed element itself. */
const head = (xml: string) => xml.replace(/<entry>[\s\S]*?<\/entry>/g, "");
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const achieved = (b: ContentBundle) =>
  b.projects
    .filter(
      (p): p is Project & { status: { state: "achieved"; date: string } } =>
        p.status.state === "achieved",
    )
    .sort((a, z) => z.status.date.localeCompare(a.status.date) || a.number - z.number);

async function feed(locale: string) {
  const res = await req(`GET /${locale}/feed.xml`);
  expect(res.status).toBe(200);
  return { res, xml: await res.text() };
}

describe("Atom feeds of achieved projects", () => {
  it.each(LOCALES)("/%s/feed.xml is an Atom document, cached like the sitemap", async (locale) => {
    const { res, xml } = await feed(locale);
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe(
      (await req("GET /sitemap.xml")).headers.get("Cache-Control"),
    );
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"',
      ),
    ).toBe(true);
    expect(xml).toContain(`xml:lang="${locale}"`);
  });

  it.each(LOCALES)(
    "/%s/feed.xml has the feed elements RFC 4287 requires (4.1.1)",
    async (locale) => {
      const top = head((await feed(locale)).xml);
      // Exactly one id, title and updated; an author, since entries carry none; a self link.
      for (const tag of ["id", "title", "updated"]) expect(elements(top, tag), tag).toHaveLength(1);
      expect(elements(top, "author")[0]).toContain("<name>Assolombarda</name>");
      expect(elements(top, "updated")[0]).toMatch(RFC3339);
      expect(top).toContain(
        `<link rel="self" type="application/atom+xml" href="${ORIGIN}/${locale}/feed.xml"/>`,
      );
      expect(elements(top, "id")[0]).toMatch(/^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:/);
      // At most one alternate link per type and hreflang (4.1.1).
      const alternates = [
        ...top.matchAll(/<link rel="alternate" type="([^"]+)" hreflang="([^"]+)"/g),
      ].map((m) => `${m[1]} ${m[2]}`);
      expect(new Set(alternates).size).toBe(alternates.length);
    },
  );

  it.each(LOCALES)(
    "/%s/feed.xml lists every achieved project, newest first, each entry complete (4.1.2)",
    async (locale) => {
      const { xml } = await feed(locale);
      const entries = elements(xml, "entry");
      const expected = achieved(bundle);
      expect(entries).toHaveLength(expected.length);
      expect(entries.length).toBeGreaterThan(5);
      entries.forEach((entry, i) => {
        const project = expected[i]!;
        for (const tag of ["id", "title", "updated", "summary"])
          expect(elements(entry, tag), `${project.id} ${tag}`).toHaveLength(1);
        expect(elements(entry, "title")[0]).toBe(escaped(project.text[locale].title));
        expect(elements(entry, "summary")[0]).toBe(escaped(project.text[locale].summary));
        expect(elements(entry, "updated")[0]).toBe(`${project.status.date}T00:00:00Z`);
        const link = /<link rel="alternate" type="text\/html" href="([^"]+)"\/>/.exec(entry)?.[1];
        expect(link).toBe(
          `${ORIGIN}/${locale}/${locale === "it" ? "progetti" : "projects"}/${project.text[locale].slug}`,
        );
      });
      const ids = entries.map((e) => elements(e, "id")[0]);
      expect(new Set(ids).size).toBe(ids.length);
      // The feed's updated is its newest entry's.
      expect(elements(head(xml), "updated")[0]).toBe(elements(entries[0]!, "updated")[0]);
    },
  );

  it("keeps every id across a publish that rewords and renames a project", async () => {
    const before = (await feed("en")).xml;
    const changed = structuredClone(bundle);
    const target = achieved(changed)[0]!;
    target.text.en.title = "A new title";
    target.text.en.slug = "a-new-slug";
    await seed(changed);
    const after = (await feed("en")).xml;
    const idsOf = (xml: string) => elements(xml, "entry").map((e) => elements(e, "id")[0]);
    expect(idsOf(after)).toEqual(idsOf(before));
    expect(elements(after, "entry")[0]).toContain('<title type="text">A new title</title>');
    expect(elements(after, "entry")[0]).toContain(`${ORIGIN}/en/projects/a-new-slug`);
    await seed(bundle);
  });

  it.each(["/it/", "/en/achieved", "/it/cookie", "/en/projects/milan-city-of-life-sciences"])(
    "%s links to its language's feed in the head and in the footer",
    async (path) => {
      const body = await (await req(`GET ${path}`)).text();
      const locale = path.slice(1, 3);
      expect(body).toMatch(
        new RegExp(
          `<link rel="alternate" type="application/atom\\+xml" href="${ORIGIN}/${locale}/feed.xml" title="[^"]+"`,
        ),
      );
      expect(body).toMatch(
        new RegExp(`<footer[\\s\\S]*<a href="/${locale}/feed.xml" type="application/atom\\+xml">`),
      );
    },
  );

  it("answers 404 for a language it does not have", async () => {
    expect((await req("GET /de/feed.xml")).status).toBe(404);
  });
});

function escaped(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
