// The page cache: one page per consent state; hits, publishes, 304s, what is stored, faults.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ContentBundle } from "../../content/build.ts";
import { POINTER_KEY, kvKeys } from "../../content/views.ts";
import { pageKey } from "../../worker/cache/keys.ts";
import { CACHE_CONTROL } from "../../worker/cache/cache-control.ts";
import { createHeldContent } from "../../worker/content/held.ts";
import { createContentStore } from "../../worker/content/store.ts";
import { choiceCookie, currentPolicyVersion, elements, postConsent } from "../helpers/consent.ts";
import { ORIGIN, freshWorker, html, realBundle, req, seed, spyKv } from "../helpers/worker.ts";

const PROJECT = "/en/projects/milan-city-of-life-sciences";
const PROJECT_SLUG = "milan-city-of-life-sciences";
const COOKIES = "/en/cookies";

/** A page that exists in every version `marked` builds and that no other test renders. */
const UNRENDERED = "/en/projects/cache-test-unrendered";

/**
 * The real content with a marker in its English footer: a version of its own, and pages that tell
 * which one served them.
 */
function marked(marker: string): ContentBundle {
  const bundle = structuredClone(realBundle());
  bundle.strings.en.footer.about += ` (${marker})`;
  const twin = structuredClone(bundle.projects[0]!);
  twin.id = "cache-test-unrendered";
  twin.text.it.slug = "cache-test-unrendered";
  twin.text.en.slug = "cache-test-unrendered";
  bundle.projects.push(twin);
  return bundle;
}

/**
 * One deploy for every isolate in this file, so they share the page cache as isolates of a
 * deploy do.
 */
const DEPLOY = { CF_VERSION_METADATA: { id: "cache-tests", tag: "", timestamp: "" } };
const isolate = (bindings: Partial<Env> = {}) => freshWorker({ ...DEPLOY, ...bindings });

const storedCopy = async (version: string, path: string, state = "ask") =>
  (caches as unknown as { default: Cache }).default.match(
    pageKey({
      origin: ORIGIN,
      deploy: DEPLOY.CF_VERSION_METADATA.id,
      version,
      policy: `${await currentPolicyVersion()}.`,
      state,
      path,
    }),
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

// The page cache in workerd: one finished page per consent state; hits, publishes, 304s per state,
// what is stored, and what happens when the cache or KV fails.
describe("the page cache", () => {
  it("serves the second request from the cache: same bytes, same ETag, no project read from KV", async () => {
    await seed(marked("second-request"));
    const first = await (await isolate())(`GET ${PROJECT}`);
    expect(first.headers.get("Cache-Status")).toBe("page-cache; fwd=miss; stored");

    const spy = spyKv();
    const second = await (await isolate({ CONTENT: spy.kv }))(`GET ${PROJECT}`);
    expect(second.status).toBe(200);
    expect(second.headers.get("Cache-Status")).toBe("page-cache; hit");
    expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
    expect(withoutNonces(await second.text())).toBe(withoutNonces(await first.text()));
    expect(spy.reads.some((key) => key.includes("/project/"))).toBe(false);
  });

  it("keys pages by content version: a publish is served at once, and a rollback finds its pages still cached", async () => {
    const before = await seed(marked("before-publish"));
    const get = await isolate();
    await get("GET /en/");
    expect((await get("GET /en/")).headers.get("Cache-Status")).toBe(
      "page-cache; hit; detail=memory",
    );

    await seed(marked("after-publish"));
    const published = await get("GET /en/");
    expect(published.headers.get("Cache-Status")).toBe("page-cache; fwd=miss; stored");
    expect(await html(published)).toContain("after-publish");

    await seed(marked("before-publish"));
    const rolledBack = await get("GET /en/");
    expect(rolledBack.headers.get("Cache-Status")).toBe("page-cache; hit; detail=memory");
    expect(await html(rolledBack)).toContain("before-publish");
    expect(await storedCopy(before.version, "/en/")).toBeDefined();
  });

  it("keeps listing pages apart by their page query", async () => {
    await seed(marked("pages"));
    const get = await isolate();
    expect((await get("GET /en/")).status).toBe(200);
    const second = await get("GET /en/?page=2");
    expect(second.status).toBe(404);
    expect(second.headers.get("Cache-Status")).toBeNull();
  });

  it("stores each consent state's finished page: no Set-Cookie, no visitor's receipt, the nonce left as a placeholder", async () => {
    const built = await seed(marked("per-state"));
    const consentId = crypto.randomUUID();
    const visitor = { Cookie: await choiceCookie({ consentId, granted: ["media"] }) };
    const get = await isolate();
    const theirs = await get(`GET ${PROJECT}`, { headers: visitor });
    expect(theirs.headers.get("Cache-Status")).toBe("page-cache; fwd=miss; stored");
    expect(theirs.headers.has("Set-Cookie")).toBe(false);
    const theirPage = await html(theirs);
    expect(theirPage).not.toContain("data-consent-banner");
    expect(theirPage).toContain("data-embed-frame");

    const stored = await storedCopy(built.version, PROJECT, "granted.media");
    expect(stored).toBeDefined();
    expect(stored!.headers.has("Set-Cookie")).toBe(false);
    expect(stored!.headers.get("Cache-Control")).toBe(CACHE_CONTROL.stored);
    expect(stored!.headers.get("Content-Security-Policy")).toContain(
      "https://www.youtube-nocookie.com",
    );
    const kept = await stored!.text();
    expect(kept).toContain("data-embed-frame");
    expect(kept).not.toMatch(/name="event" value="[A-Za-z0-9_-]{32}"/);

    // A visitor without a choice gets the banner, from another entry with another tag.
    const next = await (await isolate())(`GET ${PROJECT}`);
    expect(next.headers.get("Cache-Status")).toBe("page-cache; fwd=miss; stored");
    expect(next.headers.get("ETag")).not.toBe(theirs.headers.get("ETag"));
    const nextPage = await html(next);
    expect(nextPage).toContain("data-consent-banner");
    expect(nextPage).not.toContain("data-embed-frame");
    // And the next visitor with the same grant, in a new isolate, is a hit of the first
    // one's entry.
    const same = await (await isolate())(`GET ${PROJECT}`, {
      headers: { Cookie: await choiceCookie({ granted: ["media"] }) },
    });
    expect(same.headers.get("Cache-Status")).toBe("page-cache; hit");
    expect(same.headers.get("ETag")).toBe(theirs.headers.get("ETag"));
  });

  it("renders the preferences page with a visitor's receipt for them alone, and never stores it", async () => {
    const built = await seed(marked("receipt"));
    const consentId = crypto.randomUUID();
    const get = await isolate();
    const theirs = await get(`GET ${COOKIES}`, {
      headers: { Cookie: await choiceCookie({ consentId, granted: ["media"] }) },
    });
    expect(theirs.headers.get("Cache-Status")).toBe("page-cache; fwd=bypass; detail=personal");
    expect(await html(theirs)).toContain(consentId);
    expect(await storedCopy(built.version, COOKIES, "granted.media")).toBeUndefined();
    const someoneElse = await get(`GET ${COOKIES}`, {
      headers: { Cookie: await choiceCookie({ granted: ["media"] }) },
    });
    expect(await html(someoneElse)).not.toContain(consentId);
  });

  it("serves fingerprinted assets as immutable", async () => {
    await seed(marked("assets"));
    const page = await html(await req(`GET ${PROJECT}`));
    const script = /<script[^>]*\ssrc="(\/assets\/[^"]+)"/.exec(page)?.[1];
    expect(script).toMatch(/^\/assets\/[\w-]+\.[0-9a-f]{8,}\.js$/);
    const asset = await req(`GET ${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.has("Set-Cookie")).toBe(false);
  });
});

describe("PAGE_CACHE = off", () => {
  it("renders every page, still with its ETag", async () => {
    await seed(marked("cache-off"));
    const get = await isolate({ PAGE_CACHE: "off" } as Partial<Env>);
    for (let i = 0; i < 2; i++) {
      const res = await get(`GET ${PROJECT}`);
      expect(res.headers.get("Cache-Status")).toBe("page-cache; fwd=bypass");
      expect(res.headers.get("ETag")).toMatch(/^"[\w-]{22}"$/);
      expect(await html(res)).toContain("cache-off");
    }
  });
});

describe("ETag and 304", () => {
  it("answers If-None-Match with 304, no body, the same ETag and the page's Cache-Control", async () => {
    await seed(marked("etag"));
    const get = await isolate();
    const page = await get(`GET ${PROJECT}`);
    const etag = page.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(page.headers.get("Cache-Control")).toBe("private, no-cache");

    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await get(`GET ${PROJECT}`, { headers: { "If-None-Match": header } });
      expect(res.status, header).toBe(304);
      expect(res.headers.get("ETag")).toBe(etag);
      expect(res.headers.get("Cache-Control")).toBe("private, no-cache");
      expect(await res.text()).toBe("");
    }
    expect((await get(`HEAD ${PROJECT}`, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });

  it("never answers one consent state's tag with a 304 for another state", async () => {
    await seed(marked("etag-states"));
    const get = await isolate();
    const asking = (await get(`GET ${PROJECT}`)).headers.get("ETag")!;
    const media = { Cookie: await choiceCookie({ granted: ["media"] }) };
    const granted = await get(`GET ${PROJECT}`, { headers: { ...media, "If-None-Match": asking } });
    expect(granted.status).toBe(200);
    expect(granted.headers.get("ETag")).not.toBe(asking);
    const refused = await get(`GET ${PROJECT}`, {
      headers: {
        Cookie: await choiceCookie({ granted: [] }),
        "If-None-Match": granted.headers.get("ETag")!,
      },
    });
    expect(refused.status).toBe(200);
    expect(
      (
        await get(`GET ${PROJECT}`, {
          headers: { ...media, "If-None-Match": granted.headers.get("ETag")! },
        })
      ).status,
    ).toBe(304);
  });

  it("after GA4 is turned on, a revalidation of a cached, revalidated page gets 200 and the banner that names analytics", async () => {
    await seed(marked("etag-policy"));
    const before = await isolate();
    const page = await before("GET /en/");
    const etag = page.headers.get("ETag")!;
    expect(await html(page)).not.toMatch(/[Ss]tatistic|[Aa]nalytic/);
    expect((await before("GET /en/", { headers: { "If-None-Match": etag } })).status).toBe(304);

    const after = await isolate({ GA_MEASUREMENT_ID: "G-TEST12345" } as unknown as Partial<Env>);
    const revalidated = await after("GET /en/", { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get("ETag")).not.toBe(etag);
    const purposes = (await elements(await html(revalidated), ".consent-purpose")).map(
      (item) => item.text,
    );
    expect(purposes.length).toBe(2);
  });

  it("answers 200 with the full page when the tag is another version's", async () => {
    await seed(marked("etag-old"));
    const get = await isolate();
    const old = (await get(`GET ${PROJECT}`)).headers.get("ETag")!;
    await seed(marked("etag-new"));
    const res = await get(`GET ${PROJECT}`, { headers: { "If-None-Match": old } });
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).not.toBe(old);
    expect(await html(res)).toContain("etag-new");
  });
});

describe("when the Cache API fails", () => {
  it.each([
    [
      "match and put throw",
      {
        default: {
          match: () => Promise.reject(new Error("cache down")),
          put: () => Promise.reject(new Error("cache down")),
        },
      },
    ],
    [
      "caches.default throws",
      Object.defineProperty({}, "default", {
        get: () => {
          throw new Error("no cache");
        },
      }),
    ],
  ])("pages are rendered as if nothing were cached (%s)", async (_label, broken) => {
    await seed(marked("cache-down"));
    vi.stubGlobal("caches", broken);
    const get = await isolate();
    for (let i = 0; i < 2; i++) {
      const res = await get(`GET ${PROJECT}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Status")).not.toBe("page-cache; hit");
      expect(await html(res)).toContain("Life Sciences");
    }
  });
});

describe("KV reads", () => {
  it("an isolate reads the pointer at most once per TTL, however many requests, and shares the value, not the read", async () => {
    await seed(marked("held-pointer"));
    const spy = spyKv();
    const held = createHeldContent();
    let now = 1_000_000;
    const request = () =>
      createContentStore(spy.kv, { held, pointerTtlSeconds: 5, now: () => now }).site("en");
    const pointerReads = () => spy.reads.filter((key) => key === POINTER_KEY).length;
    const first = await request();
    expect(pointerReads()).toBe(1);
    await Promise.all(Array.from({ length: 8 }, request));
    expect(pointerReads()).toBe(1);

    const next = await seed(marked("held-pointer-next"));
    now += 4_999;
    expect((await request()).version).toBe(first.version);
    now += 1;
    // Stale: eight requests at once, one of them reads; the others keep the value it replaces until
    // it lands.
    const versions = await Promise.all(Array.from({ length: 8 }, request));
    expect(pointerReads()).toBe(2);
    expect(versions.some((view) => view.version === next.version)).toBe(true);
    expect((await request()).version).toBe(next.version);
  });
});

describe("when KV fails", () => {
  it("a new isolate serves the last good render of a page from the cache, and a 503 for pages never rendered", async () => {
    const built = await seed(marked("last-good"));
    await (await isolate())(`GET ${PROJECT}`);

    const spy = spyKv();
    spy.failing = true;
    const get = await isolate({ CONTENT: spy.kv });
    const res = await get(`GET ${PROJECT}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Status")).toBe("page-cache; hit; detail=last-good");
    expect(await html(res)).toContain("last-good");
    expect(spy.reads).not.toContain(kvKeys.project(built.version, "en", PROJECT_SLUG));

    expect((await get(`GET ${UNRENDERED}`)).status).toBe(503);
  });
});

describe("Cache-Control", () => {
  it("is never cacheable on a response that sets a cookie", async () => {
    await seed();
    const res = await postConsent("action=reject_all&return=%2Fen%2F");
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().length).toBeGreaterThan(0);
    expect(res.headers.get("Cache-Control")).toMatch(/no-store|private/);
    expect(res.headers.get("Cache-Control")).not.toMatch(/public|s-maxage/);
  });

  it.each([
    ["GET /", 302],
    ["GET /IT/", 301],
    ["GET /robots.txt", 200],
    ["GET /sitemap.xml", 200],
    ["GET /en/", 200],
    ["GET /en/projects/no-such-project", 404],
    ["DELETE /en/", 405],
    ["GET /assets/missing.0123abcd.js", 404],
    ["POST /consent", 415],
    ["GET /admin/", 403],
  ])("is explicit on %s (%i)", async (line, status) => {
    await seed();
    const res = await req(line);
    expect(res.status).toBe(status);
    expect(res.headers.get("Cache-Control")).toMatch(/\S/);
  });
});

/**
 * A page with each consent form's per-view nonce blanked: what stays the same from one view to
 * the next.
 */
function withoutNonces(html: string): string {
  return html.replace(/name="event" value="[^"]+"/g, 'name="event" value=""');
}
