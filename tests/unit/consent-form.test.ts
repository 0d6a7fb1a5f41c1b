// POST /consent's fields, read strictly; the return path can never lead off the site.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseConsentForm, checkReturnPath } from "../../worker/consent/form.ts";

const SHOWN = ["media"];
const parse = (body: string) => parseConsentForm(new URLSearchParams(body), SHOWN);

describe("the consent form (fields as DESIGN.md: action, cat_<category>=on, return)", () => {
  it("reads each action, the ticked categories and the return path", () => {
    expect(parse("action=save&cat_media=on&return=/it/progetti/x")).toEqual({
      form: { action: "save", ticked: ["media"], returnTo: "/it/progetti/x", source: "preferences" },
    });
    for (const action of ["accept_all", "reject_all", "close"]) {
      expect(parse(`action=${action}&return=/en/`)).toEqual({ form: { action, ticked: [], returnTo: "/en/", source: "banner" } });
    }
  });

  it("knows which form it came from when told (banner, preferences, a video's placeholder)", () => {
    expect(parse("action=save&cat_media=on&source=embed&return=/it/")).toMatchObject({ form: { source: "embed" } });
    expect(parse("action=accept_all&source=somewhere&return=/it/")).toEqual({ problem: { field: "source", message: expect.any(String) } });
  });

  it("refuses a missing, repeated or unknown action", () => {
    expect(parse("return=/it/")).toEqual({ problem: { field: "action", message: "must be given once" } });
    expect(parse("action=accept_all&action=reject_all")).toMatchObject({ problem: { field: "action" } });
    expect(parse("action=accept")).toEqual({ problem: { field: "action", message: "must be one of accept_all, reject_all, save, close" } });
  });

  it("refuses malformed category fields but ignores categories that are not shown (a stale page)", () => {
    expect(parse("action=save&cat_media=yes")).toMatchObject({ problem: { field: "cat_media" } });
    expect(parse("action=save&cat_Media=on")).toMatchObject({ problem: { field: "cat_Media" } });
    expect(parse("action=save&cat_analytics=on&return=/it/")).toMatchObject({ form: { ticked: [] } });
  });

  it("goes back to / when no return path is given, and refuses two", () => {
    expect(parse("action=close")).toMatchObject({ form: { returnTo: "/" } });
    expect(parse("action=close&return=/it/&return=/en/")).toMatchObject({ problem: { field: "return" } });
  });

  it("refuses an oversized form", () => {
    expect(parse(Array.from({ length: 40 }, (_, i) => `f${i}=1`).join("&") + "&action=close")).toMatchObject({ problem: { field: "(form)" } });
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

  it.each(["/", "/it/", "/en/achieved?page=2", "/it/progetti/life-sciences#media-MIfLS2015tv"])("keeps %j", (value) => {
    expect(checkReturnPath(value)).toBe(value);
  });

  it("never yields a path that resolves to another origin (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.string({ unit: "binary" })), (value) => {
        const path = checkReturnPath(value);
        if (path !== null) expect(new URL(path, "https://farvolare.test").origin).toBe("https://farvolare.test");
      }),
      { numRuns: 2000 },
    );
  });
});
