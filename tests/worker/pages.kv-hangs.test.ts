// KV that never answers: reads give up in bounded time, visitors get a held page or a 503.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { KV_READ_TIMEOUT_MS } from "../../worker/content/store.ts";
import { postConsent } from "../helpers/consent.ts";
import { freshWorker, html, seed, titled } from "../helpers/worker.ts";
import { countRecords } from "../helpers/ledger.ts";

/**
 * Long enough for one timed-out read and the rendering after it; far shorter than a hung request.
 */
const BOUND_MS = KV_READ_TIMEOUT_MS + 2_000;
const TEST_TIMEOUT = 4 * BOUND_MS;

afterEach(() => vi.unstubAllGlobals());

/** A KV binding whose reads never settle while `hanging` is set, as a stuck connection would. */
function hangingKv(kv: KVNamespace = env.CONTENT): { kv: KVNamespace; hanging: boolean } {
  const state = { kv, hanging: false };
  state.kv = new Proxy(kv, {
    get(target, property) {
      const member = Reflect.get(target, property);
      if (typeof member !== "function") return member;
      if (property !== "get") return member.bind(target);
      return (...args: unknown[]) =>
        state.hanging ? new Promise(() => {}) : Reflect.apply(member, target, args);
    },
  });
  return state;
}

async function timed(request: Promise<Response>): Promise<{ res: Response; ms: number }> {
  const start = Date.now();
  const res = await request;
  return { res, ms: Date.now() - start };
}

// KV that never answers (pages.kv-faults.test.ts covers KV that throws or holds corrupt values):
// every read gives up after KV_READ_TIMEOUT_MS, so visitors get the held version, the last good
// render or a 503 with Retry-After, within a bounded time; and once KV answers again, the isolate
// reads it again.
describe("KV hangs", () => {
  it("a new isolate answers a localized 503 with Retry-After within the bound, not never", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await seed();
    const kv = hangingKv();
    kv.hanging = true;
    const get = await freshWorker({ CONTENT: kv.kv });
    const { res, ms } = await timed(get("GET /en/achieved"));
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("30");
    expect(await html(res)).toContain('<html lang="en"');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("an isolate that served the site keeps serving it, and reads KV again once it answers", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await seed(titled("Prima della panne"));
    const kv = hangingKv();
    const get = await freshWorker({ CONTENT: kv.kv, PAGE_CACHE: "off" } as Partial<Env>);
    expect(await html(await get("GET /it/"))).toContain("Prima della panne");

    kv.hanging = true;
    const { res, ms } = await timed(get("GET /it/"));
    expect(await html(res)).toContain("Prima della panne");
    expect(ms).toBeLessThan(BOUND_MS);

    // A hung read must not stay shared: the next request after recovery sees the next publish
    // at once.
    kv.hanging = false;
    await seed(titled("Dopo la panne"));
    expect(await html(await get("GET /it/"))).toContain("Dopo la panne");
  });

  it("with the Cache API broken too, a page never rendered is a 503, and POST /consent sets no cookie and records nothing", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await seed();
    vi.stubGlobal("caches", {
      default: {
        match: () => Promise.reject(new Error("cache down")),
        put: () => Promise.reject(new Error("cache down")),
      },
    });
    const kv = hangingKv();
    kv.hanging = true;
    const get = await freshWorker({ CONTENT: kv.kv });
    const page = await timed(get("GET /it/progetti/milano-citta-della-life-sciences"));
    expect(page.res.status).toBe(503);
    expect(page.ms).toBeLessThan(BOUND_MS);

    const before = await countRecords();
    const decision = await timed(postConsent("action=accept_all&return=/it/", { requester: get }));
    expect(decision.res.status).toBe(503);
    expect(decision.res.headers.getSetCookie()).toEqual([]);
    expect(decision.ms).toBeLessThan(2 * BOUND_MS);
    expect(await countRecords()).toBe(before);
  });
});
