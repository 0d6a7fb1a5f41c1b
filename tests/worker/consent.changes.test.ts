// E31 on a served page: a choice under an older policy is asked again, told what changed since.
import { beforeAll, describe, expect, it } from "vitest";
import { recordPolicy } from "../../content/consent-history.ts";
import type { ContentBundle } from "../../content/build.ts";
import type { ConsentBundle } from "../../content/schema.ts";
import { pickConsentState } from "../../worker/consent/pick-consent-state.ts";
import { computePolicyVersion, listShownCategories } from "../../worker/consent/policy-version.ts";
import { choiceCookie, consentView, elements } from "../helpers/consent.ts";
import { realBundle, req, seed } from "../helpers/worker.ts";

let earlierVersion: string;

/** The policy visitors agreed to before: YouTube's VISITOR_INFO1_LIVE cookie lasted 3 months. */
function earlierPolicy(config: ConsentBundle): ConsentBundle {
  const { history: _history, ...earlier } = structuredClone(config);
  const youtube = earlier.services.find((s) => s.id === "youtube")!;
  youtube.cookies.find((c) => c.name === "VISITOR_INFO1_LIVE")!.maxAge = "P3M";
  return earlier;
}

beforeAll(async () => {
  const bundle: ContentBundle = realBundle();
  const earlier = earlierPolicy(bundle.consent);
  // The earlier policy on record before the one in force, as npm run consent:policy -- --record
  // leaves it.
  const recorded = recordPolicy({ policies: [] }, earlier, "2026-06-01").policies;
  bundle.consent = { ...bundle.consent, history: [...recorded, ...bundle.consent.history!] };
  earlierVersion = await computePolicyVersion(listShownCategories(consentView("it", earlier), {}));
  await seed(bundle);
});

const changesLine = async (html: string) =>
  (await elements(html, "[data-consent-banner] .consent-changes"))[0]?.text.trim();
const get = (path: string, cookie?: string) =>
  req(`GET ${path}`, { headers: cookie ? { Cookie: cookie } : {} });

// E31 on a served page: a visitor whose choice was made under an older policy is asked again, and
// the banner says what changed since; the page cache keeps that page apart (state
// `ask.since.<version>`), so a visitor with no choice never gets another's "since your last choice"
// line, and the stale visitors of one version share a page.
describe("E31: the banner says what changed since the visitor's last choice", () => {
  it("E31: a choice under the earlier policy: asked again, with the change named in the visitor's language", async () => {
    const cookie = await choiceCookie({ policyVersion: earlierVersion, granted: ["media"] });
    const it = await get("/it/", cookie);
    expect(await changesLine(await it.text())).toBe(
      "Da quando hai scelto è cambiato quanto segue: il cookie VISITOR_INFO1_LIVE dura 6 mesi invece di 3 mesi. Per questo ti chiediamo di nuovo.",
    );
    expect(await changesLine(await (await get("/en/", cookie)).text())).toContain(
      "the cookie VISITOR_INFO1_LIVE lasts 6 months instead of 3 months",
    );
  });

  it("E31: a choice under a policy not on record gets the general line; a visitor with no choice gets none", async () => {
    const unknown = await choiceCookie({ policyVersion: "000000000000" });
    expect(await changesLine(await (await get("/it/progetti", unknown)).text())).toBe(
      consentView("it").texts.banner.changedUnknown,
    );
    const fresh = await (await get("/it/progetti")).text();
    expect(await elements(fresh, "[data-consent-banner]")).toHaveLength(1);
    expect(await changesLine(fresh)).toBeUndefined();
  });

  it("E31: the page cache keeps one page per earlier version: stale visitors share it, a visitor with no choice never gets it", async () => {
    const first = await get("/en/", await choiceCookie({ policyVersion: earlierVersion }));
    await first.text();
    const second = await get("/en/", await choiceCookie({ policyVersion: earlierVersion }));
    expect(second.headers.get("Cache-Status")).toMatch(/^page-cache; hit/);
    expect(await changesLine(await second.text())).toContain("VISITOR_INFO1_LIVE");
    const fresh = await get("/en/");
    expect(await changesLine(await fresh.text())).toBeUndefined();
  });

  it("E31: the state is named by the earlier version, and only a policy change makes one", () => {
    const choice = {
      consentId: "c-12345678",
      policyVersion: "a1b2c3d4e5f6",
      granted: [],
      decidedAt: 0,
    };
    expect(
      pickConsentState(
        { status: { kind: "stale", choice, reason: "policy" }, signals: [] },
        { preferences: false },
      ).key,
    ).toBe("ask.since.a1b2c3d4e5f6");
    expect(
      pickConsentState(
        { status: { kind: "stale", choice, reason: "policy" }, signals: ["gpc"] },
        { preferences: false },
      ).key,
    ).toBe("ask.since.a1b2c3d4e5f6.signal");
    expect(
      pickConsentState(
        { status: { kind: "stale", choice, reason: "expired" }, signals: [] },
        { preferences: false },
      ).key,
    ).toBe("ask");
    expect(
      pickConsentState({ status: { kind: "none" }, signals: [] }, { preferences: false }).key,
    ).toBe("ask");
  });
});
