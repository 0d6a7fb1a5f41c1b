// Page-cache keys keep every input apart: deploy, version, policy, state and path.
import { describe, expect, it } from "vitest";
import { lastGoodKey, pageKey } from "../../../worker/cache/keys.ts";

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
