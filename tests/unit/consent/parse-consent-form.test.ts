// POST /consent's fields, read strictly; the return path can never lead off the site.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseConsentForm,
  checkReturnPath,
  formReturnPath,
} from "../../../worker/consent/parse-consent-form.ts";

const SHOWN = ["media"];
const parse = (body: string) => parseConsentForm(new URLSearchParams(body), SHOWN);

describe("the consent form (fields as DESIGN.md: action, cat_<category>=on, return)", () => {
  it("reads each action, the ticked categories and the return path", () => {
    expect(parse("action=save&cat_media=on&return=/it/progetti/x")).toEqual({
      form: {
        action: "save",
        ticked: ["media"],
        returnTo: "/it/progetti/x",
        source: "preferences",
      },
    });
    for (const action of ["accept_all", "reject_all", "close"]) {
      expect(parse(`action=${action}&return=/en/`)).toEqual({
        form: { action, ticked: [], returnTo: "/en/", source: "banner" },
      });
    }
  });

  it("knows which form it came from when told (banner, preferences, a video's placeholder)", () => {
    expect(parse("action=save&cat_media=on&source=embed&return=/it/")).toMatchObject({
      form: { source: "embed" },
    });
    expect(parse("action=accept_all&source=somewhere&return=/it/")).toEqual({
      problem: { field: "source", message: expect.any(String) },
    });
  });

  it("refuses a missing, repeated or unknown action", () => {
    expect(parse("return=/it/")).toEqual({
      problem: { field: "action", message: "must be given once" },
    });
    expect(parse("action=accept_all&action=reject_all")).toMatchObject({
      problem: { field: "action" },
    });
    expect(parse("action=accept")).toEqual({
      problem: { field: "action", message: "must be one of accept_all, reject_all, save, close" },
    });
  });

  it("refuses malformed category fields but ignores categories that are not shown (a stale page)", () => {
    expect(parse("action=save&cat_media=yes")).toMatchObject({ problem: { field: "cat_media" } });
    expect(parse("action=save&cat_Media=on")).toMatchObject({ problem: { field: "cat_Media" } });
    expect(parse("action=save&cat_analytics=on&return=/it/")).toMatchObject({
      form: { ticked: [] },
    });
  });

  it("goes back to / when no return path is given, and refuses two", () => {
    expect(parse("action=close")).toMatchObject({ form: { returnTo: "/" } });
    expect(parse("action=close&return=/it/&return=/en/")).toMatchObject({
      problem: { field: "return" },
    });
  });

  it("refuses an oversized form", () => {
    expect(
      parse(Array.from({ length: 40 }, (_, i) => `f${i}=1`).join("&") + "&action=close"),
    ).toMatchObject({ problem: { field: "(form)" } });
  });
});

describe("the return path is a path on this site", () => {
  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/it/\nLocation: https://evil.example",
    "it/",
    "",
    `/${"a".repeat(600)}`,
  ])("refuses %j", (value) => {
    expect(checkReturnPath(value)).toBeNull();
  });

  it.each(["/", "/it/", "/en/achieved?page=2", "/it/progetti/life-sciences#media-MIfLS2015tv"])(
    "keeps %j",
    (value) => {
      expect(checkReturnPath(value)).toBe(value);
    },
  );

  it("never yields a path that resolves to another origin (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.string({ unit: "binary" })),
        (value) => {
          const path = checkReturnPath(value);
          if (path !== null)
            expect(new URL(path, "https://farvolare.test").origin).toBe("https://farvolare.test");
        },
      ),
      { numRuns: 2000 },
    );
  }, 30_000);
});

// Issue 15, finding 7: a page's own address could make a `return` the endpoint refuses (400, choice
// not recorded).
describe("formReturnPath: the return of a page's consent forms", () => {
  const at = (path: string) => formReturnPath(new URL(path, "https://farvolare.test"), "en");

  it("is the page's path and query, encoded where the endpoint would refuse a character", () => {
    expect(at("/en/achieved?page=2")).toBe("/en/achieved?page=2");
    expect(at("/it/a|b")).toBe("/it/a%7Cb");
    expect(at("/consent/embed/youtube/x?title=a[b]")).toBe(
      "/consent/embed/youtube/x?title=a%5Bb%5D",
    );
    expect(at("/en/x^y{z}")).toBe("/en/x%5Ey%7Bz%7D");
  });

  it("falls back to the locale's home when it is too long or not a path of this site", () => {
    expect(at("/it/" + "x".repeat(600))).toBe("/en/");
    expect(formReturnPath(new URL("https://farvolare.test//evil.example/"), "en")).toBe("/en/");
    expect(formReturnPath(new URL("https://farvolare.test/" + "y".repeat(600)), "it")).toBe("/it/");
  });

  it("always passes the endpoint's own check (property)", () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.constantFrom("it" as const, "en" as const),
        (url, locale) => {
          const path = formReturnPath(new URL(url), locale);
          expect(checkReturnPath(path)).toBe(path);
        },
      ),
      { numRuns: 500 },
    );
  });
});
