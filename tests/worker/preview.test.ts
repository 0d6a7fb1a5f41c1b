// Previewing a staged version through a signed link: what the editor sees, and visitors never do.
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ContentBundle } from "../../content/build.ts";
import { pageKey, lastGoodKey } from "../../worker/cache/keys.ts";
import { signPreviewToken } from "../../scripts/lib/preview-token.ts";
import { currentPolicyVersion, elements, postConsent } from "../helpers/consent.ts";
import { ORIGIN, freshWorker, html, realBundle, req, seed, upload } from "../helpers/worker.ts";
import { countRecords } from "../helpers/ledger.ts";

const SECRET = (env as { PREVIEW_SECRET?: string }).PREVIEW_SECRET ?? "";
const PROJECT_EN = "/en/projects/milan-city-of-life-sciences";
const PROJECT_IT = "/it/progetti/milano-citta-della-life-sciences";
const TITLE_EN = "Milan, City of Life Sciences";

/**
 * The real content with the Life Sciences title changed in both languages: what an editor stages.
 */
function staged(): ContentBundle {
  const bundle = structuredClone(realBundle());
  const project = bundle.projects.find((p) => p.id === "life-sciences")!;
  project.text.en.title = `${TITLE_EN} (staged)`;
  project.text.it.title = `${project.text.it.title} (in prova)`;
  return bundle;
}

const hours = (n: number) => Math.floor(Date.now() / 1000) + n * 3600;
const tokenFor = (version: string, expiresAt = hours(48), secret = SECRET) =>
  signPreviewToken(secret, version, expiresAt);
const h1 = async (body: string) => (await elements(body, "h1"))[0]?.text;

let live: string;
let version: string;
let token: string;

beforeAll(async () => {
  live = (await seed()).version;
  version = (await upload(staged())).version;
  token = tokenFor(version);
});

afterEach(() => {
  vi.restoreAllMocks();
});

// Previewing a staged version through a signed link, against the whole Worker in workerd: what the
// editor sees, what a wrong link gets, and that the visitors' path, the page cache and the consent
// ledger never see a preview.
describe("a valid preview link", () => {
  it("shows the staged version's page, marked as a preview in the page's language, noindex and not stored", async () => {
    const response = await req(`GET ${PROJECT_EN}?preview=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    expect(response.headers.get("Cache-Status")).toBe("page-cache; fwd=bypass; detail=preview");
    expect(response.headers.get("ETag")).toBeNull();
    const body = await html(response);
    expect(await h1(body)).toBe(`${TITLE_EN} (staged)`);
    expect(await elements(body, 'meta[name="robots"]')).toEqual([
      { attrs: { name: "robots", content: "noindex" }, text: "" },
    ]);
    const [bar] = await elements(body, "[data-preview-bar]");
    expect(bar?.text).toContain("Preview");
    expect(bar?.text).toContain(`Version ${version}, not live yet.`);
    const expires = new Date(Number(token.split(".")[1]) * 1000).toISOString();
    expect(bar?.text).toContain(`${expires.slice(0, 10)}\u00a0${expires.slice(11, 16)}\u00a0UTC`);
    expect((await elements(body, "title"))[0]?.text).toMatch(/^Preview · /);
    // The bar's stylesheet is allowed by the page's CSP, which still allows no script.
    expect(response.headers.get("Content-Security-Policy")).toMatch(
      /style-src 'sha256-[^;]+ 'sha256-/,
    );
    expect(response.headers.get("Content-Security-Policy")).toContain("script-src 'none'");
  });

  it("shows the Italian page with the Italian bar", async () => {
    const body = await html(await req(`GET ${PROJECT_IT}?preview=${token}`));
    expect(await h1(body)).toBe("Milano Città della Life Sciences (in prova)");
    const [bar] = await elements(body, "[data-preview-bar]");
    expect(bar?.attrs["aria-label"]).toBe("Anteprima");
    expect(bar?.text).toContain(`Versione ${version}, non ancora pubblicata.`);
  });

  it("keeps the token in every link to a page, so the editor browses the staged version; the bar's link leads to the live page", async () => {
    const body = await html(await req(`GET ${PROJECT_EN}?preview=${token}`));
    const links = (await elements(body, "a[href]")).map((a) => a.attrs.href!);
    // Pages, not the feeds: a feed is the live site's, there is no preview of one.
    const pages = links.filter(
      (href) => /^(https?:\/\/[^/]+)?\/(it|en)\//.test(href) && !href.endsWith("/feed.xml"),
    );
    expect(pages.length).toBeGreaterThan(3);
    const exit = (await elements(body, "[data-preview-exit]"))[0]?.attrs.href;
    expect(exit).toBe(PROJECT_EN);
    for (const href of pages.filter((h) => h !== exit)) expect(href).toContain(`preview=${token}`);
    expect(links).toContain(`/en/?preview=${token}`);
    expect(links).toContain(`${ORIGIN}${PROJECT_IT}?preview=${token}`);
    // A link followed: the staged home page lists the staged title.
    const home = await html(await req(`GET /en/?preview=${token}`));
    expect(home).toContain(`${TITLE_EN} (staged)`);
    expect((await elements(home, "[data-preview-bar]")).length).toBe(1);
  });

  it("answers HEAD with the preview's headers and no body", async () => {
    const response = await req(`HEAD ${PROJECT_EN}?preview=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    expect(await response.text()).toBe("");
  });

  it("a non-canonical address is redirected to the canonical one, token kept, other parameters dropped", async () => {
    const response = await req(
      `GET /EN/projects/milan-city-of-life-sciences/?utm_source=x&preview=${token}`,
    );
    expect(response.status).toBe(301);
    expect(response.headers.get("Location")).toBe(`${PROJECT_EN}?preview=${token}`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("a page the staged version does not have is a 404", async () => {
    const response = await req(`GET /en/projects/no-such-project?preview=${token}`);
    expect(response.status).toBe(404);
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    expect(await h1(await response.text())).toBe("Page not found");
  });
});

describe("the visitors' site", () => {
  it("serves the live version, unmarked, without the parameter", async () => {
    const response = await req(`GET ${PROJECT_EN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Robots-Tag")).toBeNull();
    expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(response.headers.get("Cache-Status")).toMatch(/^page-cache; (hit|fwd=miss)/);
    const body = await html(response);
    expect(await h1(body)).toBe(TITLE_EN);
    expect(body).not.toContain("data-preview-bar");
    expect(body).not.toContain("noindex");
  });

  it("a preview writes nothing to the page cache: no put, no copy under the staged version or the path", async () => {
    const cache = (caches as unknown as { default: Cache }).default;
    const put = vi.spyOn(cache, "put");
    const deploy = crypto.randomUUID();
    const isolate = await freshWorker({
      CF_VERSION_METADATA: { id: deploy, tag: "", timestamp: "" },
    });
    const paths = [
      `${PROJECT_EN}?preview=${token}`,
      `/en/?preview=${token}`,
      `/en/cookies?preview=${token}`,
    ];
    for (const path of paths)
      expect((await isolate(`GET ${path}`)).headers.get("Cache-Status")).toBe(
        "page-cache; fwd=bypass; detail=preview",
      );
    expect(put).not.toHaveBeenCalled();
    const policy = `${await currentPolicyVersion()}.`;
    for (const path of [...paths, PROJECT_EN, "/en/", "/en/cookies"]) {
      for (const state of ["ask", "none"]) {
        expect(
          await cache.match(pageKey({ origin: ORIGIN, deploy, version, policy, state, path })),
        ).toBeUndefined();
        expect(
          await cache.match(lastGoodKey({ origin: ORIGIN, deploy, state, path })),
        ).toBeUndefined();
      }
    }
    // The same isolate then renders the live page itself (nothing of the preview was kept for it),
    // and keeps it.
    const livePage = await isolate(`GET ${PROJECT_EN}`);
    expect(livePage.headers.get("Cache-Status")).toBe("page-cache; fwd=miss; stored");
    expect(await h1(await livePage.text())).toBe(TITLE_EN);
    expect(put).toHaveBeenCalled();
  });
});

describe("no consent from a preview", () => {
  it("a preview page carries no banner, no consent form, no nonce and no script, where the live page asks", async () => {
    const livePage = await html(await req(`GET ${PROJECT_EN}`));
    expect(await elements(livePage, 'form[action="/consent"]')).not.toEqual([]);
    const body = await html(await req(`GET ${PROJECT_EN}?preview=${token}`));
    expect(await elements(body, "form")).toEqual([]);
    expect(await elements(body, "[data-consent-banner], input[name=event], script[src]")).toEqual(
      [],
    );
    expect((await elements(body, "script")).map((s) => s.attrs.type)).toEqual([
      "application/ld+json",
    ]);
  });

  it("the cookie page shows the policy, and a note where the preferences form is", async () => {
    const body = await html(await req(`GET /it/cookie?preview=${token}`));
    expect(await elements(body, "form")).toEqual([]);
    const [note] = await elements(body, ".preview-note");
    expect(note?.text).toBe(
      "Nell'anteprima le scelte sui cookie sono disattivate: le chiede solo il sito pubblicato.",
    );
  });

  it("browsing the preview, and pressing every consent button it offers, records nothing in the ledger", async () => {
    const before = await countRecords();
    for (const path of [PROJECT_EN, PROJECT_IT, "/en/", "/en/cookies", "/it/cookie"]) {
      const body = await html(await req(`GET ${path}?preview=${token}`));
      // What a click on "Accept all" would send from each consent form the page has (none, if all
      // is well).
      for (const button of await elements(body, 'form[action="/consent"] button[name="action"]')) {
        const fields = new URLSearchParams({
          action: button.attrs.value ?? "accept_all",
          return: `${path}?preview=${token}`,
        });
        await postConsent(fields.toString());
      }
    }
    expect(await countRecords()).toBe(before);
  });
});

describe("a wrong preview link", () => {
  const refused = async (path: string, status: number, title: string) => {
    const response = await req(`GET ${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    const body = await html(response);
    expect(await h1(body)).toBe(title);
    // Neither version's page is passed off as the preview, and the error page asks nothing.
    expect(body).not.toContain(TITLE_EN);
    expect(body).not.toContain("data-preview-bar");
    expect(await elements(body, "form")).toEqual([]);
  };

  it("tampered: a changed signature, version or expiry is a 403", async () => {
    const [v, exp, sig] = token.split(".") as [string, string, string];
    const flipped = sig.slice(0, -2) + (sig.at(-2) === "A" ? "B" : "A") + sig.at(-1);
    await refused(`${PROJECT_EN}?preview=${v}.${exp}.${flipped}`, 403, "Invalid preview link");
    await refused(`${PROJECT_EN}?preview=${live}.${exp}.${sig}`, 403, "Invalid preview link");
    await refused(
      `${PROJECT_EN}?preview=${v}.${Number(exp) + 3600}.${sig}`,
      403,
      "Invalid preview link",
    );
    await refused(`${PROJECT_IT}?preview=garbage`, 403, "Link di anteprima non valido");
    await refused(`${PROJECT_EN}?preview=`, 403, "Invalid preview link");
    await refused(`${PROJECT_EN}?preview=${token}&preview=${token}`, 403, "Invalid preview link");
  });

  it("signed with another secret is a 403", async () => {
    await refused(
      `${PROJECT_EN}?preview=${tokenFor(version, hours(1), "x".repeat(40))}`,
      403,
      "Invalid preview link",
    );
  });

  it("expired is a 403 that says so, in the page's language", async () => {
    const old = tokenFor(version, hours(-1));
    await refused(`${PROJECT_EN}?preview=${old}`, 403, "Preview link expired");
    await refused(`${PROJECT_IT}?preview=${old}`, 403, "Link di anteprima scaduto");
  });

  it("for a version that is not in KV is a 404", async () => {
    await refused(`${PROJECT_EN}?preview=${tokenFor("0123456789ab")}`, 404, "Version not found");
    await refused(`${PROJECT_IT}?preview=${tokenFor("0123456789ab")}`, 404, "Versione non trovata");
  });

  it("without PREVIEW_SECRET no link works: a 403", async () => {
    const unset = await freshWorker({ PREVIEW_SECRET: "" } as unknown as Partial<Env>);
    const response = await unset(`GET ${PROJECT_EN}?preview=${token}`);
    expect(response.status).toBe(403);
    expect(await h1(await response.text())).toBe("Invalid preview link");
  });
});
