// Cache-Control is decided once: fingerprinted assets immutable, a handler's kept, else no-store.
import { describe, expect, it } from "vitest";
import { CACHE_CONTROL, finalCacheControl } from "../../../worker/cache/cache-control.ts";

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
