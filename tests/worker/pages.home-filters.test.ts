// The home page's filters by chapter and status: a GET form, canonical URLs, 400s for unknowns.
import { beforeAll, describe, expect, it } from "vitest";
import type { ContentBundle } from "../../content/build.ts";
import type { Project } from "../../content/schema.ts";
import { syntheticBundle } from "../helpers/content.ts";
import { ORIGIN, expectMovedTo, html, realBundle, req, seed } from "../helpers/worker.ts";

let bundle: ContentBundle;

beforeAll(async () => {
  bundle = realBundle();
  await seed(bundle);
});

/** The project numbers the cards show, in page order. */
const cardNumbers = (body: string) =>
  [...body.matchAll(/<span class="card-number">[^<]*?(\d+)<\/span>/g)].map((m) => Number(m[1]));
const resultsLine = (body: string) =>
  /<p class="results" id="results" tabindex="-1">([^<]*)<\/p>/.exec(body)?.[1];
const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1];
const selected = (body: string, name: string) =>
  // Preact writes an empty value as a bare attribute.
  new RegExp(
    `<select id="[^"]+" name="${name}">[\\s\\S]*?<option value(?:="([^"]*)")? selected`,
  ).exec(body)?.[1] ?? "";
const numbersOf = (projects: Project[], chapters: string[]) =>
  [...projects]
    .sort(
      (a, b) => chapters.indexOf(a.chapter) - chapters.indexOf(b.chapter) || a.number - b.number,
    )
    .map((p) => p.number);

describe("filtering the plan without JavaScript", () => {
  it("the home page has a GET form naming the canonical parameters in each language", async () => {
    const it_ = await html(await req("GET /it/"));
    expect(it_).toContain(
      '<search class="filters" aria-label="Filtra i progetti"><form method="get" action="/it/#results">',
    );
    expect(it_).toContain('<select id="filter-chapter" name="capitolo">');
    expect(it_).toContain('<select id="filter-status" name="stato">');
    expect(it_).toContain('<option value="raggiunto">Raggiunto</option>');
    const en = await html(await req("GET /en/"));
    expect(en).toContain('<select id="filter-chapter" name="chapter">');
    expect(en).toContain('<option value="in-progress">In progress</option>');
    expect(resultsLine(en)).toBe("50 projects");
  });

  it.each([
    ["/it/?capitolo=milano&stato=raggiunto", "milano", "achieved"],
    ["/en/?chapter=expo&status=in-progress", "expo", "in-progress"],
    ["/en/?status=achieved", undefined, "achieved"],
    ["/it/?capitolo=imprese", "imprese", undefined],
  ] as const)(
    "%s lists exactly the matching projects and says how many",
    async (path, chapter, status) => {
      const res = await req(`GET ${path}`);
      expect(res.status).toBe(200);
      const body = await html(res);
      const chapters = bundle.plan.chapters.map((c) => c.id);
      const expected = bundle.projects.filter(
        (p) => (!chapter || p.chapter === chapter) && (!status || p.status.state === status),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(cardNumbers(body)).toEqual(numbersOf(expected, chapters));
      const locale = path.slice(1, 3) as "it" | "en";
      const count = locale === "it" ? `${expected.length} progetti` : `${expected.length} projects`;
      // Announced: the title a screen reader reads on arrival starts with the count, and the form's
      // target says it too.
      expect(titleOf(body)).toMatch(new RegExp(`^${count}: `));
      expect(resultsLine(body)).toMatch(new RegExp(`^${count}: `));
      expect(selected(body, locale === "it" ? "capitolo" : "chapter")).toBe(chapter ?? "");
      expect(body).toContain(
        `<link rel="canonical" href="${ORIGIN}${path.replace(/&/g, "&amp;")}"/>`,
      );
      expect(body).toContain('class="filter-reset"');
    },
  );

  it("links each filtered page to the same filter in the other language", async () => {
    const body = await html(await req("GET /it/?capitolo=milano&stato=in-corso"));
    expect(body).toContain(
      `<link rel="alternate" hreflang="en" href="${ORIGIN}/en/?chapter=milano&amp;status=in-progress"/>`,
    );
    expect(body).toContain(
      `class="lang-switch" href="${ORIGIN}/en/?chapter=milano&amp;status=in-progress"`,
    );
  });

  it("is cacheable like any listing, with its own ETag", async () => {
    const home = await req("GET /it/");
    const first = await req("GET /it/?stato=raggiunto");
    expect(first.headers.get("Cache-Control")).toBe(home.headers.get("Cache-Control"));
    const etag = first.headers.get("ETag");
    expect(etag).toBeTruthy();
    expect(etag).not.toBe(home.headers.get("ETag"));
    await first.arrayBuffer();
    const again = await req("GET /it/?stato=raggiunto", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
  });

  it.each([
    // What the form sends for "all": the empty field is dropped.
    ["/it/?capitolo=&stato=raggiunto", "/it/?stato=raggiunto"],
    ["/it/?capitolo=&stato=", "/it/"],
    // Order, case, spaces, repeats, the other language's words, unknown parameters.
    ["/it/?stato=RAGGIUNTO&capitolo=Milano", "/it/?capitolo=milano&stato=raggiunto"],
    ["/it/?capitolo=%20milano%20", "/it/?capitolo=milano"],
    ["/it/?capitolo=milano&capitolo=expo", "/it/?capitolo=milano"],
    ["/it/?chapter=milano&status=achieved", "/it/?capitolo=milano&stato=raggiunto"],
    ["/en/?stato=in-corso", "/en/?status=in-progress"],
    ["/en/?colour=blue&status=achieved&utm_source=x", "/en/?status=achieved"],
    ["/en/?page=1&chapter=expo", "/en/?chapter=expo"],
    ["/EN/?Chapter=expo", "/en/"],
  ])("%s answers 301 to %s", (from, to) => expectMovedTo(from, to));

  it.each([
    ["/it/?capitolo=roma", "Richiesta non valida"],
    ["/it/?stato=finito", "Richiesta non valida"],
    ["/en/?status=done&chapter=expo", "Request not accepted"],
    ["/en/?chapter=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Request not accepted"],
    ["/en/?chapter=" + "x".repeat(3000), "Request not accepted"],
  ])("%s is a localized 400, never stored", async (path, heading) => {
    for (let i = 0; i < 2; i++) {
      const res = await req(`GET ${path}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      const body = await res.text();
      expect(body).toContain(heading);
      expect(body).not.toContain("<script>alert");
    }
  });

  it("a filter with no match says so and offers to clear it", async () => {
    const changed = structuredClone(bundle);
    for (const p of changed.projects) if (p.chapter === "expo") p.status = { state: "in-progress" };
    await seed(changed);
    const body = await html(await req("GET /en/?chapter=expo&status=achieved"));
    expect(cardNumbers(body)).toEqual([]);
    const expo = changed.plan.chapters.find((c) => c.id === "expo")!.title.en;
    expect(resultsLine(body)).toBe(
      `No project matches these filters: ${escapeHtml(expo)}, Achieved`,
    );
    expect(body).toContain('<p><a href="/en/">Clear the filters</a></p>');
    await seed(bundle);
  });
});

describe("filtered listings at scale", () => {
  it("are paginated the same way, the filter kept in every page link", {
    timeout: 120_000,
  }, async () => {
    await seed(syntheticBundle(400));
    // 100 projects per chapter, a third of them achieved: two pages of 60 for a chapter, one of 33
    // or 34 with the status.
    const first = await html(await req("GET /it/?capitolo=milano"));
    expect(cardNumbers(first)).toHaveLength(60);
    expect(resultsLine(first)).toBe("100 progetti: Milano al centro");
    expect(first).toContain('<a href="/it/?capitolo=milano&amp;page=2" rel="next">');
    const second = await html(await req("GET /it/?capitolo=milano&page=2"));
    expect(cardNumbers(second)).toHaveLength(40);
    expect(second).toContain('<a href="/it/?capitolo=milano" rel="prev">');
    expect((await req("GET /it/?capitolo=milano&page=3")).status).toBe(404);
    const both = await html(await req("GET /it/?capitolo=milano&stato=raggiunto"));
    expect(cardNumbers(both).length).toBeGreaterThan(30);
    expect(both).not.toContain('rel="next"');
    await seed(bundle);
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
