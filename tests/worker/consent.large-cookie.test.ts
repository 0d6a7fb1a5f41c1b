// Issue 15, finding 5: a valid choice is read from any Cookie header the platform lets through.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { choiceCookie, currentPolicyVersion, postConsent } from "../helpers/consent.ts";
import { freshWorker, html, seed, type Requester } from "../helpers/worker.ts";

const GA = { GA_MEASUREMENT_ID: "G-TEST12345" };

let worker: Requester;
let cookie: (granted: string[], consentId?: string) => Promise<string>;

beforeAll(async () => {
  await seed();
  // With analytics configured, so a withdrawal has first-party cookies (_ga, _ga_*) to delete.
  worker = await freshWorker(GA as unknown as Partial<Env>);
  const policyVersion = await currentPolicyVersion(GA);
  cookie = (granted, consentId = crypto.randomUUID()) =>
    choiceCookie({ granted, policyVersion, consentId });
});

/**
 * What a browser carrying other sites' worth of first-party cookies sends: `kb` kilobytes of them.
 */
const otherCookies = (kb: number) =>
  Array.from({ length: kb }, (_, i) => `pref_${i}=${"v".repeat(1000)}`).join("; ");

const hasBanner = async (response: Response) =>
  (await html(response)).includes("data-consent-banner");

// Pins issue 15, finding 5 ("a Cookie header over 8,192 bytes hides a valid consent": the banner
// again, a new consent id per choice, a withdrawal that deletes no denied cookie). The choice
// cookie is read from any Cookie header the platform lets through (128 KB of request headers),
// wherever it sits, whatever else is there.
describe("a valid choice in a large Cookie header (finding 5)", () => {
  it.each([
    ["after 12 KB of other cookies", async () => `${otherCookies(12)}; ${await cookie(["media"])}`],
    [
      "before 12 KB of other cookies",
      async () => `${await cookie(["media"])}; ${otherCookies(12)}`,
    ],
    [
      "amid 100 KB of other cookies",
      async () => `${otherCookies(50)}; ${await cookie(["media"])}; ${otherCookies(50)}`,
    ],
  ])("%s: no banner", async (_label, header) => {
    const response = await worker("GET /it/", { headers: { Cookie: await header() } });
    expect(response.status).toBe(200);
    expect(await hasBanner(response)).toBe(false);
  });

  it("behind several other values of the consent cookie's own name: no banner", async () => {
    const name = (await cookie([])).split("=")[0];
    const junk = Array.from({ length: 6 }, (_, i) => `${name}=junk${i}`).join("; ");
    const response = await worker("GET /it/", {
      headers: { Cookie: `${junk}; ${await cookie(["media"])}` },
    });
    expect(await hasBanner(response)).toBe(false);
  });

  it("a new choice keeps the visitor's consent id, so their history stays one", async () => {
    const consentId = crypto.randomUUID();
    const response = await postConsent("action=accept_all&return=/it/", {
      requester: worker,
      headers: { Cookie: `${otherCookies(12)}; ${await cookie(["media"], consentId)}` },
    });
    expect(response.status).toBe(303);
    const row = await env.LEDGER.prepare(
      "SELECT consent_id FROM consent_records ORDER BY seq DESC LIMIT 1",
    ).first<{ consent_id: string }>();
    expect(row?.consent_id).toBe(consentId);
  });

  it("a withdrawal still deletes the denied category's cookies", async () => {
    const response = await postConsent("action=reject_all&source=preferences&return=/en/cookies", {
      requester: worker,
      headers: {
        Cookie: `${otherCookies(12)}; ${await cookie(["analytics", "media"])}; _ga=GA1.1.1; _ga_TEST12345=GS1`,
      },
    });
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().filter((l) => l.startsWith("_ga"))).toEqual([
      "_ga=; Max-Age=0; Path=/; Secure; SameSite=Lax",
      "_ga_TEST12345=; Max-Age=0; Path=/; Secure; SameSite=Lax",
    ]);
  });
});
