// Google Analytics 4 behind the statistics category, in a Worker whose GA_MEASUREMENT_ID is set.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import consent from "../../content/consent.json";
import {
  choiceCookie,
  cookieSet,
  currentPolicyVersion,
  elements,
  postConsent,
} from "../helpers/consent.ts";
import { freshWorker, html, seed, type Requester } from "../helpers/worker.ts";

const GA = { GA_MEASUREMENT_ID: "G-TEST12345" };

let analytics: Requester;
let ledger: typeof import("../../worker/consent/record-decision.ts");
let cookie: (granted: string[]) => Promise<string>;

beforeAll(async () => {
  await seed();
  analytics = await freshWorker(GA as unknown as Partial<Env>);
  ledger = await import("../../worker/consent/record-decision.ts");
  const version = await currentPolicyVersion(GA);
  cookie = (granted) => choiceCookie({ granted, policyVersion: version });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const get = (path: string, cookieHeader = "", headers: Record<string, string> = {}) =>
  analytics(`GET ${path}`, {
    headers: { ...(cookieHeader ? { Cookie: cookieHeader } : {}), ...headers },
  });
const csp = (response: Response) => response.headers.get("Content-Security-Policy") ?? "";
const directive = (response: Response, name: string) =>
  new RegExp(`${name} ([^;]*)`).exec(csp(response))?.[1];

// Google Analytics 4 behind the statistics category, in a Worker whose GA_MEASUREMENT_ID is set.
// Its own file: the Worker is loaded afresh with other bindings, and spies must watch that
// instance's modules.
describe("B18, C21, C22: Google Analytics, when a measurement id is configured", () => {
  it("shows the statistics category, and loads nothing of Google before consent (basic mode)", async () => {
    const response = await get("/en/");
    const body = await html(response);
    expect(body).toContain(consent.categories[1]!.summary.en);
    expect(body).not.toMatch(/googletagmanager|gtag|google-analytics/);
    expect(csp(response)).not.toContain("google");
    const refused = await get("/en/", await cookie(["media"]));
    expect(await html(refused)).not.toContain("gtag");
  });

  it("with analytics granted: Consent Mode defaults denied, then the grant, then the tag; the CSP allows exactly that", async () => {
    const response = await get("/en/", await cookie(["analytics"]));
    const body = await html(response);
    const inline = (await elements(body, "script[data-analytics]"))[0]!.text;
    expect(inline.indexOf('"default"')).toBeLessThan(inline.indexOf('"update"'));
    expect(body).toContain('src="https://www.googletagmanager.com/gtag/js?id=G-TEST12345"');
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(inline));
    expect(directive(response, "script-src")).toBe(
      `https://www.googletagmanager.com 'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`,
    );
    expect(directive(response, "connect-src")).toContain("https://*.google-analytics.com");
  });

  it("F34: withdrawing analytics deletes the _ga cookies this site's domain holds", async () => {
    const response = await postConsent("action=reject_all&source=preferences&return=/en/cookies", {
      requester: analytics,
      headers: {
        Cookie: `${await cookie(["analytics", "media"])}; _ga=GA1.1.1; _ga_TEST12345=GS1; other=1`,
      },
    });
    expect(response.headers.getSetCookie().filter((l) => l.startsWith("_ga"))).toEqual([
      "_ga=; Max-Age=0; Path=/; Secure; SameSite=Lax",
      "_ga_TEST12345=; Max-Age=0; Path=/; Secure; SameSite=Lax",
    ]);
  });

  it("F36: with Sec-GPC, the banner says analytics stay off; an explicit Accept all overrides it and is recorded with the signal", async () => {
    const body = await html(await get("/it/", "", { "Sec-GPC": "1" }));
    expect(body).toContain(consent.texts.it.banner.signalNotice);
    expect(body).not.toContain("gtag");
    const record = vi.spyOn(ledger, "recordDecision");
    const accepted = await postConsent("action=accept_all&return=/it/", {
      requester: analytics,
      headers: { "Sec-GPC": "1" },
    });
    expect(record.mock.calls[0]![1]).toMatchObject({
      signals: ["gpc"],
      categories: { analytics: true, media: true },
    });
    expect(await html(await get("/it/", cookieSet(accepted), { "Sec-GPC": "1" }))).toContain(
      "gtag",
    );
  });
});
