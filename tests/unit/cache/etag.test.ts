// ETags are strong, quoted and the same for the same bytes; If-None-Match matches as RFC 9110 says.
import { describe, expect, it } from "vitest";
import { digestTag, ifNoneMatchHits, pageEtag } from "../../../worker/cache/etag.ts";

describe("ETags", () => {
  it("are strong, quoted and the same for the same bytes", async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const tag = await digestTag("<p>page</p>");
    expect(tag).toMatch(/^[\w-]{22}$/);
    expect(await digestTag("<p>page</p>")).toBe(tag);
    expect(await digestTag("<p>page!</p>")).not.toBe(tag);
    expect(await pageEtag(bytes("<p>page</p>"))).toBe(`"${tag}"`);
  });

  it.each([
    ['"a"', '"a"', true],
    ['W/"a"', '"a"', true],
    ['"b", W/"a"', '"a"', true],
    ["*", '"a"', true],
    ['"b"', '"a"', false],
    ['"a-"', '"a"', false],
    [null, '"a"', false],
  ])("If-None-Match %j against %s → %s", (header, etag, hit) => {
    expect(ifNoneMatchHits(header, etag)).toBe(hit);
  });
});
