// pathFor and parsePath are each other's inverse for every page, and refuse what is not a page.
import { describe, expect, it } from "vitest";
import { type PageRef, parsePath, pathFor } from "../../../content/paths.ts";

// pathFor and parsePath are each other's inverse for every page, with ?page=N only past the first
// page, and refuse what is not a page.
describe("pathFor and parsePath", () => {
  const cases: [string, "it" | "en", PageRef][] = [
    ["/it/", "it", { page: "home" }],
    ["/en/", "en", { page: "home" }],
    ["/it/obiettivi-raggiunti", "it", { page: "achieved" }],
    ["/en/achieved", "en", { page: "achieved" }],
    [
      "/it/progetti/milano-citta-della-life-sciences",
      "it",
      { page: "project", slug: "milano-citta-della-life-sciences" },
    ],
    [
      "/en/projects/milan-city-of-life-sciences",
      "en",
      { page: "project", slug: "milan-city-of-life-sciences" },
    ],
    ["/it/cookie", "it", { page: "cookies" }],
    ["/en/cookies", "en", { page: "cookies" }],
  ];

  it.each(cases)("%s is the path of %s %j and parses back", (path, locale, ref) => {
    expect(pathFor(locale, ref)).toBe(path);
    expect(parsePath(path)).toEqual({ locale, ref });
  });

  it("adds ?page=N only past the first page", () => {
    expect(pathFor("it", { page: "home", number: 1 })).toBe("/it/");
    expect(pathFor("en", { page: "achieved", number: 3 })).toBe("/en/achieved?page=3");
  });

  it.each([
    "/it/achieved",
    "/en/obiettivi-raggiunti",
    "/en/progetti/milan-city-of-life-sciences",
    "/it/projects/x",
    "/it/cookies",
    "/en/cookie",
    "/it/progetti/",
    "/it/progetti/Upper",
    "/it/progetti/a/b",
    "/de/",
    "/it",
  ])("%s is not a page (segments are per locale)", (path) => {
    expect(parsePath(path)).toBeNull();
  });
});
