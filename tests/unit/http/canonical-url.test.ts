// canonicalLocation gives each page one URL (idempotent); readPlainUrl reads plain ones unparsed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalLocation, readPlainUrl } from "../../../worker/http/canonical-url.ts";

const at = (path: string) => canonicalLocation(new URL(`https://farvolare.test${path}`));

describe("canonicalLocation", () => {
  it.each([
    ["/it", "/it/"],
    ["/IT/", "/it/"],
    ["/en/Projects/Milan-City-Of-Life-Sciences", "/en/projects/milan-city-of-life-sciences"],
    ["/it/progetti/x/", "/it/progetti/x"],
    ["/it//progetti///x", "/it/progetti/x"],
    ["/en/achieved/", "/en/achieved"],
    ["/it/?utm_source=news", "/it/"],
    ["/it/progetti/x?page=2", "/it/progetti/x"],
    ["/it/?page=1", "/it/"],
    ["/it/?page=0", "/it/"],
    ["/it/?page=abc", "/it/"],
    ["/it/?page=2&utm=x", "/it/?page=2"],
    ["/robots.txt?x=1", "/robots.txt"],
  ])("%s → %s", (path, expected) => {
    expect(at(path)).toBe(expected);
  });

  it.each(["/it/", "/en/projects/x", "/it/?page=2", "/en/achieved?page=12", "/", "/sitemap.xml"])(
    "%s is already canonical",
    (path) => {
      expect(at(path)).toBeNull();
    },
  );

  it("leaves the consent endpoint, assets and admin to their own handlers", () => {
    expect(at("/consent?x=1")).toBeNull();
    expect(at("/assets/Consent.ABC.js")).toBeNull();
    expect(at("/admin/api/consents?from=2026-01-01")).toBeNull();
  });

  it("is idempotent: the canonical form of a canonical form is itself", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const first = at(`${path}?${query}`);
        if (first === null) return true;
        return at(first) === null;
      }),
      { numRuns: 300 },
    );
  });
});

describe("readPlainUrl", () => {
  it("reads the origin and path exactly as URL does, for every URL it accepts", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{0,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom("http://127.0.0.1:8787", "https://farvolare.test", "http://localhost"),
        fc.array(segment, { maxLength: 5 }),
        (origin, segments) => {
          const text = `${origin}/${segments.join("/")}`;
          const url = new URL(text);
          expect(readPlainUrl(url.href)).toEqual({ origin: url.origin, pathname: url.pathname });
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    "https://farvolare.test/it/?page=2",
    "https://farvolare.test/it/?",
    "https://farvolare.test/it/#top",
    "https://farvolare.test/IT/",
    "https://farvolare.test/it/progetti/caf%C3%A9",
    "https://farvolare.test/it/../en/",
    "https://user@farvolare.test/it/",
    "https://farvolare.test",
  ])("leaves %s to the URL parser", (text) => {
    expect(readPlainUrl(text)).toBeNull();
  });
});
