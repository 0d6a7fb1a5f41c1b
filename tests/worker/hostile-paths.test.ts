import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, req, seed } from "../helpers/worker.ts";

beforeAll(async () => {
  await seed();
});

/** Statuses a visitor may legitimately get for a GET of any path: never a 5xx. */
const SAFE = [200, 301, 302, 400, 404];

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await req(`GET ${path}`, { headers });
  const body = await res.text();
  return { res, body };
}

describe("hostile paths and query strings", () => {
  it.each([
    "/it/../../etc/passwd",
    "/it/%2e%2e/%2e%2e/etc/passwd",
    "/it/progetti/..%2F..%2Fadmin",
    "/it/progetti/%00",
    "/it/progetti/a%00b",
    "/it/progetti/%ff%fe",
    "/it/progetti/%E2%80%AE",
    "/en/projects/" + "a".repeat(81),
    "/en/projects/" + "a".repeat(600),
    "/en/projects/" + "a".repeat(8000),
    "/" + "x/".repeat(2000),
    "/it/progetti/<script>alert(1)</script>",
    "/it/progetti/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/en/projects/milan-city-of-life-sciences%2F",
    "/İT/",
    "/it/?page=99999999999999999999",
    "/it/?page=-1",
    "/it/?page[]=2",
    "/it/?page=2&page=3",
    "/sitemap.xml/..",
    "/robots.txt%00.html",
  ].map((path) => [path.length > 60 ? `${path.slice(0, 40)}… (${path.length} chars)` : path, path]))(
    "%s gets a safe answer that does not echo markup",
    async (_label, path) => {
    const { res, body } = await get(path);
    expect(SAFE).toContain(res.status);
    expect(body).not.toContain("<script>alert");
    expect(res.headers.get("Content-Security-Policy")).toBeTruthy();
    },
  );

  it("any path and query get a 2xx, 3xx or 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.webPath(), fc.webQueryParameters(), async (path, query) => {
        const { res } = await get(`${path || "/"}?${query}`);
        return res.status < 500;
      }),
      { numRuns: 150 },
    );
  });

  it("redirects never leave the site", async () => {
    for (const path of ["//evil.example/", "/\\evil.example/", "/%2F%2Fevil.example", "/it//evil.example", "///evil.example/it"]) {
      const res = await req(`GET ${path}`);
      const location = res.headers.get("Location");
      if (location) expect(new URL(location, ORIGIN).origin, path).toBe(ORIGIN);
    }
  });
});

describe("hostile headers", () => {
  it.each([
    ["Accept-Language (140 KB)", "en;q=1,".repeat(20_000)],
    ["Accept-Language", "\t , ; ;;q"],
    ["Accept-Language", "q=;;;,,,;q=NaN"],
    ["Cookie (10 KB)", "a=".repeat(5000)],
    ["Cookie", "%%%;=;=;\u00ff"],
    ["If-None-Match (10 KB)", "W/\"" + "x".repeat(10_000) + "\""],
  ])("%s: a garbled or oversized value does not break the page", async (label, value) => {
    const { res } = await get("/it/", { [label.split(" ")[0]!]: value });
    expect(res.status).toBe(200);
  });

  it("a huge Accept-Language on / still redirects to a language", async () => {
    const res = await req("GET /", { headers: { "Accept-Language": "xx,".repeat(50_000) + "en" } });
    expect(res.status).toBe(302);
    expect(["/it/", "/en/"]).toContain(res.headers.get("Location"));
  });
});
