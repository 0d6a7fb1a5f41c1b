// Issue 15, finding 1: POST /consent caps one client, through workerd's rate-limiting binding.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import strings from "../../content/strings.json";
import { networkOf } from "../../worker/http/client-key.ts";
import { elements, postConsent } from "../helpers/consent.ts";
import { freshWorker, seed } from "../helpers/worker.ts";
import { countRecords } from "../helpers/ledger.ts";

/** wrangler.toml's CONSENT_RATE_LIMIT: 30 choices per client and 60-second window. */
const LIMIT = 30;
const PERIOD_MS = 60_000;

beforeAll(async () => {
  await seed();
});

/**
 * A random byte, so no address is one another run (watch mode, same limiter) has already counted.
 */
const byte = () => crypto.getRandomValues(new Uint8Array(1))[0]!;
/** A new address for each attempt, so a retry never starts from another attempt's count. */
const nextAddress = () => `10.${byte()}.${byte()}.${byte()}`;

const decide = (address: string, extra: Record<string, string> = {}) =>
  postConsent("action=reject_all&return=/en/achieved", {
    headers: { "CF-Connecting-IP": address, ...extra },
  });

/**
 * Runs `attempt` inside one window of the limiter (fixed windows of 60 s): an attempt that
 * straddled two windows proves nothing about the cap, so it runs again with fresh addresses.
 */
async function inOneWindow(attempt: () => Promise<void>): Promise<void> {
  for (let tries = 0; tries < 3; tries++) {
    const window = Math.floor(Date.now() / PERIOD_MS);
    try {
      await attempt();
      if (Math.floor(Date.now() / PERIOD_MS) === window) return;
    } catch (error) {
      if (Math.floor(Date.now() / PERIOD_MS) === window) throw error;
    }
  }
  throw new Error("three attempts straddled a window");
}

// Pins issue 15, finding 1 ("no rate limit on POST /consent": one client recorded 205–223
// decisions/s). Through the real rate-limiting binding in workerd: one client is capped at the
// limit a person never reaches, other clients are not, and the client is known to the limiter only
// as a keyed hash.
describe("POST /consent per client: capped, other clients unaffected (finding 1)", () => {
  it(`records ${LIMIT} choices from one client, then answers 429 with the banner again, no record and no cookie`, async () => {
    await inOneWindow(async () => {
      const capped = nextAddress();
      for (let i = 0; i < LIMIT; i++)
        expect((await decide(capped)).status, `choice ${i + 1}`).toBe(303);
      const before = await countRecords();
      const refused = await decide(capped, { "Accept-Language": "it" });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("Retry-After")).toBe("60");
      expect(refused.headers.getSetCookie()).toEqual([]);
      const body = await refused.text();
      // The page of the form's language (the return path), asking again.
      expect((await elements(body, "h1"))[0]!.text).toBe(strings.en.errors.tooManyRequests.title);
      expect(body).toContain("data-consent-banner");
      expect(await countRecords()).toBe(before);

      // Meanwhile another client decides as usual: one record, one cookie.
      const other = await decide(nextAddress());
      expect(other.status).toBe(303);
      expect(other.headers.getSetCookie().length).toBeGreaterThan(0);
      expect(await countRecords()).toBe(before + 1);
    });
  }, 60_000);

  it("counts an IPv6 client by its /64: rotating addresses inside it does not reset the count, another /64 is free", async () => {
    await inOneWindow(async () => {
      const prefix = `2001:db8:${((byte() << 8) | byte()).toString(16)}:1`;
      for (let i = 0; i < LIMIT; i++)
        expect((await decide(`${prefix}::${(i + 1).toString(16)}`)).status).toBe(303);
      expect((await decide(`${prefix}:ffff:ffff:ffff:ffff`)).status).toBe(429);
      expect((await decide(`${prefix.replace(/:1$/, ":2")}::1`)).status).toBe(303);
    });
  }, 60_000);

  it("gives the limiter a keyed hash of the network, never the address, and the ledger keeps neither", async () => {
    const keys: string[] = [];
    const limiter = env.CONSENT_RATE_LIMIT;
    const worker = await freshWorker({
      CONSENT_RATE_LIMIT: {
        limit: (options: RateLimitOptions) => (keys.push(options.key), limiter.limit(options)),
      },
    });
    const address = nextAddress();
    expect(
      (
        await postConsent("action=accept_all&return=/it/", {
          requester: worker,
          headers: { "CF-Connecting-IP": address },
        })
      ).status,
    ).toBe(303);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^consent:[A-Za-z0-9_-]{22}$/);
    expect(keys[0]).not.toContain(address);
    const rows = JSON.stringify(
      (await env.LEDGER.prepare("SELECT * FROM consent_records").all()).results,
    );
    expect(rows).not.toContain(address);
  });
});

describe("networkOf", () => {
  it("keeps an IPv4 address, reduces IPv6 to its /64 however it is written", () => {
    expect(networkOf("198.51.100.7")).toBe("198.51.100.7");
    expect(networkOf("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(networkOf("2001:db8:0:1::5")).toBe("2001:db8:0:1::/64");
    expect(networkOf("2001:0DB8:0000:0001:ffff:0:0:1")).toBe("2001:db8:0:1::/64");
    expect(networkOf("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(networkOf("::1")).toBe("0:0:0:0::/64");
  });
});
