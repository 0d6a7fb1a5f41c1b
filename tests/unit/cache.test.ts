// Page-cache keys keep every input apart, ETags are strong, Cache-Control is decided once, and the in-isolate page memory stays within its size.
import { describe, expect, it } from "vitest";
import { digestTag, ifNoneMatchHits, pageEtag } from "../../worker/cache/etag.ts";
import { lastGoodKey, pageKey } from "../../worker/cache/keys.ts";
import { createPageMemory } from "../../worker/cache/memory.ts";
import { CACHE_CONTROL, finalCacheControl } from "../../worker/cache/cache-control.ts";

const parts = {
  origin: "https://farvolare.test",
  deploy: "d1",
  version: "abc123def456",
  policy: "0123abcd4567.",
  state: "ask",
  path: "/it/",
};

describe("page cache keys", () => {
  it("name deploy, version, consent policy, consent state and canonical path under the site's origin", () => {
    expect(pageKey(parts)).toBe(
      "https://farvolare.test/_page-cache/d1/v/abc123def456/0123abcd4567./ask/it/",
    );
    expect(pageKey({ ...parts, path: "/it/?page=2" })).toBe(
      "https://farvolare.test/_page-cache/d1/v/abc123def456/0123abcd4567./ask/it/?page=2",
    );
  });

  it("differ whenever the deploy, the version, the policy, the state, the locale or the page query does", () => {
    const keys = [
      pageKey(parts),
      pageKey({ ...parts, deploy: "d2" }),
      pageKey({ ...parts, version: "000000000000" }),
      pageKey({ ...parts, policy: "0123abcd4567.G-TEST1234" }),
      pageKey({ ...parts, state: "ask.signal" }),
      pageKey({ ...parts, state: "granted.media" }),
      pageKey({ ...parts, path: "/en/" }),
      pageKey({ ...parts, path: "/it/?page=2" }),
      lastGoodKey(parts),
      lastGoodKey({ ...parts, state: "granted." }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keep a hostile deploy, version or state inside its own path segment", () => {
    expect(pageKey({ ...parts, deploy: "../x", version: "a/b", state: "c/d" })).toBe(
      "https://farvolare.test/_page-cache/..%2Fx/v/a%2Fb/0123abcd4567./c%2Fd/it/",
    );
  });
});

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

describe("Cache-Control", () => {
  it("makes a successful fingerprinted asset immutable whatever its handler said", () => {
    expect(finalCacheControl("/assets/consent.0123abcd.js", 200, "public, max-age=60")).toBe(
      CACHE_CONTROL.asset,
    );
    expect(finalCacheControl("/assets/consent.0123abcd.js", 404, "no-store")).toBe("no-store");
  });

  it("keeps a handler's policy and gives a response without one no-store", () => {
    expect(finalCacheControl("/it/", 200, CACHE_CONTROL.page)).toBe("private, no-cache");
    expect(finalCacheControl("/consent", 303, null)).toBe("no-store");
  });
});

describe("the in-isolate page memory", () => {
  const page = (size: number) => ({
    body: new Uint8Array(size),
    headers: {},
    etag: '"t"',
    nonceAt: [],
  });

  it("keeps pages up to its size and forgets the least recently used first", () => {
    const memory = createPageMemory(30);
    memory.set("a", page(10));
    memory.set("b", page(10));
    memory.set("c", page(10));
    expect(memory.get("a")).toBeDefined();
    memory.set("d", page(10));
    expect(memory.get("b")).toBeUndefined();
    expect(["a", "c", "d"].map((k) => memory.get(k) !== undefined)).toEqual([true, true, true]);
  });

  it("never keeps a page larger than itself", () => {
    const memory = createPageMemory(30);
    memory.set("big", page(31));
    expect(memory.get("big")).toBeUndefined();
  });
});
