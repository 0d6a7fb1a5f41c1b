// What a shared link shows: og:image per locale, its alt text, the Twitter card; the breadcrumb.
import { beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, html, req, seed } from "../helpers/worker.ts";

beforeAll(async () => {
  await seed();
});

const meta = (body: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)"`).exec(
    body,
  )?.[1];

const PAGES = [
  ["/it/", "it"],
  ["/en/", "en"],
  ["/it/?capitolo=expo", "it"],
  ["/en/achieved", "en"],
  ["/it/progetti/milano-citta-della-life-sciences", "it"],
  ["/en/projects/milan-city-of-life-sciences", "en"],
  ["/it/cookie", "it"],
  ["/en/projects/no-such-project", "en"],
] as const;

// What a shared link shows: og:image per locale (fingerprinted, immutable, 1200×630), its alt text,
// the locales, the Twitter card; and a project's breadcrumb, visible and in JSON-LD, naming the
// same trail.
describe("sharing a link", () => {
  it.each(PAGES)(
    "%s names its locale's share image, its alt text, the other locale and a large card",
    async (path, locale) => {
      const res = await req(`GET ${path}`);
      const body = await res.text();
      const image = meta(body, "og:image");
      expect(image).toMatch(new RegExp(`^${ORIGIN}/assets/share-${locale}\\.[0-9a-f]{10}\\.png$`));
      expect(meta(body, "og:image:alt")?.length).toBeGreaterThan(20);
      expect(meta(body, "og:image:width")).toBe("1200");
      expect(meta(body, "og:image:height")).toBe("630");
      expect(meta(body, "og:image:type")).toBe("image/png");
      expect(meta(body, "og:locale")).toBe(locale === "it" ? "it_IT" : "en_GB");
      expect(meta(body, "og:locale:alternate")).toBe(locale === "it" ? "en_GB" : "it_IT");
      expect(meta(body, "twitter:card")).toBe("summary_large_image");
    },
  );

  it.each(["it", "en"])(
    "the %s image is a 1200×630 PNG named by its hash, immutable, fetchable from other sites",
    async (locale) => {
      const image = meta(await html(await req(`GET /${locale}/`)), "og:image")!;
      const res = await req(`GET ${new URL(image).pathname}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("image/png");
      expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const view = new DataView(bytes.buffer);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
      const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))]
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
      expect(image).toContain(`.${digest.slice(0, 10)}.png`);
      expect(bytes.length).toBeLessThan(100_000);
    },
  );

  it.each([
    "/assets/share-it.0000000000.png",
    "/assets/share-de.0000000000.png",
    "/assets/share-it.png",
  ])("%s is a 404", async (path) => {
    expect((await req(`GET ${path}`)).status).toBe(404);
  });
});

describe("a project's breadcrumb", () => {
  it.each([
    "/it/progetti/milano-citta-della-life-sciences",
    "/en/projects/milan-city-of-life-sciences",
  ])("%s shows the trail its JSON-LD states: plan, chapter, the project itself", async (path) => {
    const body = await html(await req(`GET ${path}`));
    const nav = /<nav class="breadcrumb"[^>]*><ol>([\s\S]*?)<\/ol><\/nav>/.exec(body)?.[1] ?? "";
    const visible = [
      ...nav.matchAll(
        /<li>(?:<a href="([^"]+)">([^<]+)<\/a>|<span aria-current="page">([^<]+)<\/span>)<\/li>/g,
      ),
    ].map((m) => ({
      name: m[2] ?? m[3],
      path: m[1] ?? path,
    }));
    const jsonLd = JSON.parse(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]!,
    ) as {
      itemListElement: { position: number; name: string; item: string }[];
    };
    expect(visible).toHaveLength(3);
    expect(
      jsonLd.itemListElement.map((e) => ({ name: e.name, path: e.item.replace(ORIGIN, "") })),
    ).toEqual(
      visible.map((v) => ({
        name: v.name!.replace(/&amp;/g, "&").replace(/&#39;/g, "'"),
        path: v.path.replace(/&amp;/g, "&"),
      })),
    );
    expect(jsonLd.itemListElement.map((e) => e.position)).toEqual([1, 2, 3]);
    expect(visible[1]!.path).toMatch(/^\/(it\/\?capitolo|en\/\?chapter)=imprese$/);
  });
});
