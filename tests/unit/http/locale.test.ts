// Accept-Language always yields a supported locale, even oversized; a path's locale is read too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localeOfPath, negotiateLocale } from "../../../worker/http/locale.ts";

// Accept-Language negotiation always answers a supported locale, even for an oversized header, and
// a path's locale is read from its first segment.
describe("negotiateLocale", () => {
  it.each([
    [null, "it"],
    ["", "it"],
    ["en", "en"],
    ["en-GB,en;q=0.9", "en"],
    ["it-IT,it;q=0.9,en;q=0.8", "it"],
    ["de-DE,de;q=0.9,en;q=0.5", "en"],
    ["fr-FR,fr;q=0.9", "it"],
    ["en;q=0.4,it;q=0.6", "it"],
    ["en;q=0.5,it;q=0.5", "en"],
    ["EN-us", "en"],
    ["en;q=0", "it"],
    ["en;q=banana", "it"],
    ["english", "it"],
    ["*", "it"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("reads an oversized header without choking and still finds an early match", () => {
    expect(negotiateLocale(`en,${"x-junk;q=0.1,".repeat(100_000)}`)).toBe("en");
  });

  it("always answers a supported locale, whatever the header", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (header) =>
        ["it", "en"].includes(negotiateLocale(header)),
      ),
    );
  });
});

describe("localeOfPath", () => {
  it.each([
    ["/it/", "it"],
    ["/en/projects/x", "en"],
    ["/en", "en"],
    ["/english/", undefined],
    ["/", undefined],
  ])("%s → %s", (path, expected) => {
    expect(localeOfPath(path)).toBe(expected);
  });
});
