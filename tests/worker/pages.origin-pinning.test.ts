// Issue 15, finding 2: with SITE_ORIGIN set, every URL the site emits names it, whatever the Host.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { requireSiteOrigin } from "../../worker/http/canonical-url.ts";
import { postConsent } from "../helpers/consent.ts";
import { seed } from "../helpers/worker.ts";
import { countRecords } from "../helpers/ledger.ts";

const SITE = "https://www.farvolaremilano.test";
const SPOOFED = "https://evil.example";
/** What a proxy or a client might add to make a server believe in another host. */
const HOST_HINTS = {
  "X-Forwarded-Host": "evil.example",
  Forwarded: "host=evil.example;proto=https",
  "X-Original-Host": "evil.example",
};

let fetchSite: (url: string, init?: RequestInit) => Promise<Response>;

beforeAll(async () => {
  await seed();
  vi.resetModules();
  const worker = (await import("../../worker/index.ts")).default;
  const scoped = {
    ...env,
    SITE_ORIGIN: SITE,
    CF_VERSION_METADATA: { id: crypto.randomUUID(), tag: "", timestamp: "" },
  } as unknown as Env;
  fetchSite = async (url, init = {}) => {
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request(url, { redirect: "manual", ...init }),
      scoped,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return response;
  };
});

/** Every absolute URL in the places search engines and browsers read as the page's own address. */
function ownUrls(body: string): string[] {
  const links = [...body.matchAll(/<link rel="(?:canonical|alternate)"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const og = [...body.matchAll(/<meta property="og:url" content="([^"]+)"/g)].map((m) => m[1]!);
  const jsonLd = [
    ...body.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g),
  ].flatMap((m) => [...m[1]!.matchAll(/"(https?:\/\/[^"]+)"/g)].map((u) => u[1]!));
  return [...links, ...og, ...jsonLd.filter((u) => u !== "https://schema.org")];
}

// Pins issue 15, finding 2 ("the Host header is reflected into robots.txt, sitemap.xml, canonical,
// hreflang and JSON-LD URLs"): with SITE_ORIGIN set, every URL the site emits names it, whatever
// host a request came for, and a request for another host is sent to the site (GET, HEAD) or
// refused (anything else).
describe("requests for any other host (finding 2)", () => {
  it.each([
    "/robots.txt",
    "/sitemap.xml",
    "/it/",
    "/en/projects/milan-city-of-life-sciences",
    "/admin/",
  ])("GET %s on another host is a 301 to the site", async (path) => {
    for (const origin of [
      SPOOFED,
      "http://www.farvolaremilano.test",
      "https://far-volare-milano.someone.workers.dev",
    ]) {
      const response = await fetchSite(origin + path);
      expect(response.status, origin).toBe(301);
      expect(response.headers.get("Location")).toBe(SITE + path);
      expect(await response.text()).not.toContain("evil.example");
    }
  });

  it("a POST /consent for another host is refused: no record, no cookie", async () => {
    const before = await countRecords();
    const response = await fetchSite(`${SPOOFED}/consent`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: SPOOFED,
        "Sec-Fetch-Site": "same-origin",
      },
      body: "action=accept_all&return=/it/",
    });
    expect(response.status).toBe(421);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await countRecords()).toBe(before);
    // The site's own address still takes the choice.
    const own = await postConsent("action=accept_all&return=/it/", {
      requester: (line, init) => fetchSite(SITE + line.split(" ")[1], init),
      headers: { Origin: SITE, Referer: `${SITE}/it/` },
    });
    expect(own.status).toBe(303);
  });
});

describe("the URLs the site emits name SITE_ORIGIN only (finding 2)", () => {
  it("robots.txt and sitemap.xml, whatever the request's host hints say", async () => {
    const robots = await (await fetchSite(`${SITE}/robots.txt`, { headers: HOST_HINTS })).text();
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    const sitemap = await (await fetchSite(`${SITE}/sitemap.xml`, { headers: HOST_HINTS })).text();
    const urls = [...sitemap.matchAll(/(?:<loc>|href=")([^<"]+)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.filter((u) => !u.startsWith(`${SITE}/`))).toEqual([]);
  });

  it.each([
    "/it/",
    "/en/achieved",
    "/it/progetti/milano-citta-delle-scienze-della-vita",
    "/en/cookies",
    "/it/no-such-page",
  ])("%s: canonical, hreflang, og:url and JSON-LD", async (path) => {
    const response = await fetchSite(SITE + path, { headers: HOST_HINTS });
    const body = await response.text();
    const urls = ownUrls(body);
    expect(urls.length, path).toBeGreaterThanOrEqual(4);
    expect(urls.filter((u) => !u.startsWith(`${SITE}/`))).toEqual([]);
    expect(body).not.toContain("evil.example");
  });
});

describe("requireSiteOrigin: the deploy's check (finding 2)", () => {
  it("refuses production without an https origin, naming the variable", () => {
    for (const value of [undefined, "", "http://www.farvolaremilano.test"]) {
      expect(
        () => requireSiteOrigin({ SITE_ORIGIN: value, ENVIRONMENT: "production" }),
        String(value),
      ).toThrow(/SITE_ORIGIN must be set .* https origin in production/);
    }
    expect(requireSiteOrigin({ SITE_ORIGIN: SITE, ENVIRONMENT: "production" })).toBe(SITE);
    expect(requireSiteOrigin({ SITE_ORIGIN: `${SITE}/`, ENVIRONMENT: "production" })).toBe(SITE);
  });

  it("refuses anything but a bare origin anywhere; outside production, empty means the request's own", () => {
    for (const value of [
      "www.farvolaremilano.test",
      `${SITE}/it/`,
      `${SITE}?x=1`,
      "https://user@www.farvolaremilano.test",
      "javascript:alert(1)",
      `${SITE}#x`,
    ]) {
      expect(
        () => requireSiteOrigin({ SITE_ORIGIN: value, ENVIRONMENT: "development" }),
        value,
      ).toThrow(/SITE_ORIGIN must be an origin/);
    }
    expect(requireSiteOrigin({ SITE_ORIGIN: "", ENVIRONMENT: "development" })).toBeNull();
    expect(
      requireSiteOrigin({ SITE_ORIGIN: "http://localhost:8787", ENVIRONMENT: "development" }),
    ).toBe("http://localhost:8787");
  });
});
