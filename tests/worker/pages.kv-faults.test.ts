// KV throwing or corrupt: the last good version it can reach, or a localized 503; never a crash.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { POINTER_KEY, kvKeys } from "../../content/views.ts";
import {
  freshWorker,
  html,
  realBundle,
  seed,
  spyKv,
  titled,
  upload,
  type Requester,
} from "../helpers/worker.ts";

const PROJECT_IT = "/it/progetti/milano-citta-della-life-sciences";
const PROJECT_EN = "/en/projects/milan-city-of-life-sciences";

async function homeTitle(get: Requester): Promise<string> {
  const res = await get("GET /it/");
  expect(res.status).toBe(200);
  return /<h1>([^<]*)<\/h1>/.exec(await html(res))?.[1] ?? "";
}

async function expectUnavailable(res: Response, lang: "it" | "en", title: string): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get("Retry-After")).toBe("30");
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  const body = await html(res);
  expect(body).toContain(`<html lang="${lang}"`);
  expect(body).toContain(title);
}

// Faults in KV: the Worker serves the last good version it can reach, or a localized 503 with
// Retry-After; never a crash.
describe("a missing or corrupt pointer", () => {
  it.each([
    ["deleted", null],
    ["not JSON", "{version:"],
    ["not a pointer", JSON.stringify({ version: 42 })],
  ])(
    "when it is %s, an isolate keeps serving the version it served last, even pages it never read",
    async (_label, value) => {
      await seed(titled("Versione servita"));
      const get = await freshWorker();
      expect(await homeTitle(get)).toBe("Versione servita");

      if (value === null) await env.CONTENT.delete(POINTER_KEY);
      else await env.CONTENT.put(POINTER_KEY, value);

      expect(await homeTitle(get)).toBe("Versione servita");
      expect((await get(`GET ${PROJECT_IT}`)).status).toBe(200);
    },
  );

  it("a new isolate with no pointer answers a localized 503 with Retry-After", async () => {
    await seed();
    await env.CONTENT.delete(POINTER_KEY);
    const get = await freshWorker();
    await expectUnavailable(await get(`GET ${PROJECT_EN}`), "en", "Site temporarily unavailable");
    await expectUnavailable(await get("GET /it/"), "it", "Sito momentaneamente non disponibile");
  });
});

describe("a broken live version", () => {
  it("whose keys are missing: the version live before it is served", async () => {
    const previous = await upload(titled("Versione precedente"));
    await seed(realBundle(), { version: "0123456789ab", previous: previous.version });
    expect(await homeTitle(await freshWorker())).toBe("Versione precedente");
  });

  it("whose site view is corrupt: the version live before it is served, and nothing is mixed", async () => {
    const previous = await upload(titled("Versione precedente"));
    const broken = await seed(titled("Versione rotta"), { previous: previous.version });
    await env.CONTENT.put(kvKeys.site(broken.version, "it"), "<html>not a view</html>");
    const get = await freshWorker();
    expect(await homeTitle(get)).toBe("Versione precedente");
    const project = await html(await get(`GET ${PROJECT_IT}`));
    expect(project).not.toContain("Versione rotta");
  });

  it("whose project view is corrupt: that page is a 503, the rest of the site is served", async () => {
    const live = await seed(titled("Versione viva"));
    await env.CONTENT.put(
      kvKeys.project(live.version, "it", "milano-citta-della-life-sciences"),
      '{"project": null}',
    );
    const get = await freshWorker();
    await expectUnavailable(
      await get(`GET ${PROJECT_IT}`),
      "it",
      "Sito momentaneamente non disponibile",
    );
    expect(await homeTitle(get)).toBe("Versione viva");
  });

  it("with neither a previous version nor one held: a 503, not a crash", async () => {
    const live = await seed();
    await env.CONTENT.delete(kvKeys.site(live.version, "en"));
    await expectUnavailable(
      await (await freshWorker())("GET /en/achieved"),
      "en",
      "Site temporarily unavailable",
    );
  });
});

describe("KV failing", () => {
  it("serves what the isolate already read, and a localized 503 with Retry-After for the rest", async () => {
    await seed(titled("Versione in memoria"));
    const spy = spyKv();
    const get = await freshWorker({ CONTENT: spy.kv });
    expect(await homeTitle(get)).toBe("Versione in memoria");

    spy.failing = true;
    spy.reads.length = 0;
    expect(await homeTitle(get)).toBe("Versione in memoria");
    expect(spy.reads).toContain(POINTER_KEY);
    await expectUnavailable(
      await get(`GET ${PROJECT_IT}`),
      "it",
      "Sito momentaneamente non disponibile",
    );

    spy.failing = false;
    expect((await get(`GET ${PROJECT_IT}`)).status).toBe(200);
  });

  it("in a new isolate, every page is a localized 503 with Retry-After", async () => {
    await seed();
    const spy = spyKv();
    spy.failing = true;
    const get = await freshWorker({ CONTENT: spy.kv });
    await expectUnavailable(await get("GET /en/"), "en", "Site temporarily unavailable");
    await expectUnavailable(
      await get("GET /sitemap.xml"),
      "it",
      "Sito momentaneamente non disponibile",
    );
  });
});
