// What is shown, what the policy version covers, what a form decides and what a page gets for a visitor.
import { describe, expect, it } from "vitest";
import type { ChoiceStatus } from "../../worker/consent/choice-encoding.ts";
import { decide } from "../../worker/consent/decide.ts";
import type { ConsentForm } from "../../worker/consent/parse-consent-form.ts";
import { renderGtagBootstrap, renderGtagTags } from "../../worker/consent/gtag.ts";
import { planConsent } from "../../worker/consent/plan-consent.ts";
import {
  findDeniedCookies,
  readMeasurementId,
  computePolicyVersion,
  listShownCategories,
  serializeShownTexts,
} from "../../worker/consent/policy-version.ts";
import { consentConfig, consentView } from "../helpers/consent.ts";

const GA = { GA_MEASUREMENT_ID: "G-TEST12345" };
const version = (
  edit: Parameters<typeof consentConfig>[0],
  bindings: { GA_MEASUREMENT_ID?: string } = GA,
) => computePolicyVersion(listShownCategories(consentView("it", consentConfig(edit)), bindings));

describe("which categories are shown", () => {
  it("hides a category with no service running behind it: no measurement id, no statistics", () => {
    expect(listShownCategories(consentView(), {}).map((c) => c.id)).toEqual(["necessary", "media"]);
    expect(listShownCategories(consentView(), GA).map((c) => c.id)).toEqual([
      "necessary",
      "analytics",
      "media",
    ]);
  });

  it("takes only a well-formed GA4 measurement id", () => {
    expect(readMeasurementId({ GA_MEASUREMENT_ID: "G-ABC1234" })).toBe("G-ABC1234");
    for (const bad of ["", "UA-12345-1", "G-<script>", "g-abc1234"])
      expect(readMeasurementId({ GA_MEASUREMENT_ID: bad })).toBeNull();
  });
});

describe("E30, E31: the policy version follows substance, never wording", () => {
  it("E30: a new third party bumps it", async () => {
    const before = await version(() => {});
    const after = await version((config) => {
      config.categories.push({ ...config.categories[2]!, id: "maps", purposes: ["map-embedding"] });
      config.services.push({
        ...config.services[2]!,
        id: "osm",
        category: "maps",
        provider: "OpenStreetMap",
        embeds: undefined,
        embedUrl: undefined,
      });
    });
    expect(after).not.toBe(before);
  });

  it("E30: a new purpose, a new cookie, a new origin or another provider bumps it", async () => {
    const before = await version(() => {});
    const edits: Parameters<typeof consentConfig>[0][] = [
      (c) => c.categories[2]!.purposes.push("personalised-recommendations"),
      (c) => c.services[2]!.cookies.push({ ...c.services[2]!.cookies[0]!, name: "PREF" }),
      (c) => c.services[1]!.origins.connect!.push("https://www.google.com"),
      (c) => (c.services[2]!.provider = "Another Company Ltd"),
    ];
    for (const edit of edits) expect(await version(edit)).not.toBe(before);
  });

  it("E30: turning analytics on (a measurement id appears) bumps it", async () => {
    expect(await version(() => {}, GA)).not.toBe(await version(() => {}, {}));
  });

  it("E31: rewording texts, names, descriptions, durations or the policy bumps nothing, nor does reordering", async () => {
    const before = await version(() => {});
    const after = await version((config) => {
      config.texts.it.banner.title = "I cookie di questo sito";
      config.texts.en.policy.sections[0]!.paragraphs[0] = "Reworded.";
      config.categories[2]!.name.it = "Video";
      config.categories[2]!.description.en = "Reworded.";
      config.services[2]!.cookies[0]!.purpose.it = "Riformulato.";
      config.texts.it.preferences.durations.session = "sessione";
      config.updated = "2026-12-01";
      config.categories.reverse();
      config.services.reverse();
    });
    expect(after).toBe(before);
  });

  it("hashes the exact texts separately: a rewording changes them, and they are per locale", () => {
    const categories = listShownCategories(consentView(), {});
    const reworded = consentView(
      "it",
      consentConfig((c) => (c.texts.it.banner.title = "Altro titolo")),
    );
    expect(serializeShownTexts(reworded, categories)).not.toBe(
      serializeShownTexts(consentView(), categories),
    );
    expect(serializeShownTexts(consentView("en"), categories)).not.toBe(
      serializeShownTexts(consentView("it"), categories),
    );
    expect(serializeShownTexts(consentView(), categories)).toContain(
      consentView().texts.banner.closeNotice,
    );
  });
});

const form = (overrides: Partial<ConsentForm>): ConsentForm => ({
  action: "accept_all",
  ticked: [],
  returnTo: "/it/",
  source: "banner",
  ...overrides,
});
const setup = {
  categories: listShownCategories(consentView(), GA),
  optional: ["analytics", "media"],
  policyVersion: "0123456789ab",
  texts: "{}",
};
const ids = { eventId: "event-0001", consentId: "fresh-consent-id" };
const valid = (granted: string[]): ChoiceStatus => ({
  kind: "valid",
  choice: { consentId: "earlier-consent-id", policyVersion: "0123456789ab", granted, decidedAt: 1 },
});

describe("what a form decides", () => {
  const context = {
    setup,
    previous: { kind: "none" } as ChoiceStatus,
    signals: [],
    locale: "it" as const,
    ids,
  };

  it("B15: accept all grants every optional category; reject all, the X and an empty save grant none", () => {
    expect(decide(form({}), context).categories).toEqual({
      necessary: true,
      analytics: true,
      media: true,
    });
    for (const denied of [
      form({ action: "reject_all" }),
      form({ action: "close" }),
      form({ action: "save", ticked: [] }),
    ]) {
      expect(decide(denied, context).categories).toEqual({
        necessary: true,
        analytics: false,
        media: false,
      });
    }
    expect(decide(form({ action: "save", ticked: ["media"] }), context).categories).toEqual({
      necessary: true,
      analytics: false,
      media: true,
    });
  });

  it("D24: records the method (banner, its X, preferences, a placeholder), the locale, the policy and the texts", () => {
    expect(decide(form({ action: "close" }), context)).toMatchObject({
      method: "banner_close",
      action: "close",
      locale: "it",
      policyVersion: "0123456789ab",
      texts: "{}",
    });
    expect(
      decide(form({ action: "save", source: "embed", ticked: ["media"] }), context).method,
    ).toBe("embed");
    expect(decide(form({ action: "reject_all", source: "preferences" }), context).method).toBe(
      "preferences",
    );
  });

  it("F35: taking back every grant of a valid choice is a withdrawal, by the same consent id", () => {
    const decision = decide(form({ action: "reject_all", source: "preferences" }), {
      ...context,
      previous: valid(["media"]),
    });
    expect(decision).toMatchObject({
      action: "withdraw",
      consentId: "earlier-consent-id",
      eventId: "event-0001",
    });
    expect(decide(form({ action: "reject_all" }), { ...context, previous: valid([]) }).action).toBe(
      "reject_all",
    );
    expect(decide(form({ action: "reject_all" }), context).consentId).toBe("fresh-consent-id");
  });

  it("F36: notes the browser's privacy signals", () => {
    expect(
      decide(form({ action: "accept_all" }), { ...context, signals: ["gpc", "dnt"] }).signals,
    ).toEqual(["gpc", "dnt"]);
  });
});

describe("what a page gets for a visitor", () => {
  const parts = { locale: "it" as const, slot: true, embeds: true, preferences: false };
  const plan = (status: ChoiceStatus) =>
    planConsent(
      parts,
      { categories: setup.categories, measurementId: "G-TEST12345" },
      { status, signals: [] },
    );

  it("A1, G38: without a choice, the banner and the script, and no third-party origin anywhere in the CSP", () => {
    const p = plan({ kind: "none" });
    expect(p).toMatchObject({
      banner: true,
      script: true,
      embedsWaiting: true,
      embedsAllowed: false,
      analytics: null,
    });
    expect(p.csp).toEqual({
      scriptSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameSrc: ["'self'"],
      imgSrc: [],
    });
  });

  it("a page with nothing to ask and nothing waiting gets no script at all", () => {
    const p = planConsent(
      { ...parts, embeds: false },
      { categories: setup.categories, measurementId: null },
      { status: valid([]), signals: [] },
    );
    expect(p).toMatchObject({ banner: false, script: false });
    expect(p.csp.scriptSrc).toEqual([]);
  });

  it("media granted: embeds, and the provider's frame origin only", () => {
    const p = plan(valid(["media"]));
    expect(p).toMatchObject({ banner: false, script: false, embedsAllowed: true, analytics: null });
    expect(p.csp.frameSrc).toEqual(["https://www.youtube-nocookie.com"]);
    expect(p.csp.scriptSrc).toEqual([]);
  });

  it("B18, C22: analytics granted and configured: the GA origins, and only then", () => {
    const p = plan(valid(["analytics"]));
    expect(p.analytics).toBe("G-TEST12345");
    expect(p.csp.scriptSrc).toEqual(["'self'", "https://www.googletagmanager.com"]);
    expect(p.csp.connectSrc).toContain("https://*.google-analytics.com");
    expect(
      planConsent(
        parts,
        { categories: setup.categories, measurementId: null },
        { status: valid(["analytics"]), signals: [] },
      ).analytics,
    ).toBeNull();
  });
});

describe("C21: Google Analytics runs in Consent Mode v2 with every default denied first", () => {
  it("sets the defaults before the grant, the grant before the configuration", () => {
    const code = renderGtagBootstrap("G-TEST12345");
    const defaults = code.indexOf('gtag("consent","default"');
    const update = code.indexOf('gtag("consent","update",{analytics_storage:"granted"})');
    const config = code.indexOf('gtag("config","G-TEST12345"');
    expect(defaults).toBeGreaterThan(-1);
    expect(defaults).toBeLessThan(update);
    expect(update).toBeLessThan(config);
    for (const type of ["ad_storage", "ad_user_data", "ad_personalization", "analytics_storage"]) {
      expect(code.slice(defaults, update)).toContain(`${type}:"denied"`);
    }
    expect(code.slice(update)).not.toMatch(
      /ad_storage:"granted"|ad_user_data:"granted"|ad_personalization:"granted"/,
    );
  });

  it("loads the library only after the inline defaults", () => {
    const tags = renderGtagTags("G-TEST12345");
    expect(tags.indexOf("<script data-analytics>")).toBeLessThan(
      tags.indexOf("googletagmanager.com/gtag/js?id=G-TEST12345"),
    );
  });
});

describe("F34: first-party optional cookies are deleted once their category is denied", () => {
  it("matches the inventory's names and patterns, never the consent cookie or others", () => {
    const present = ["_ga", "_ga_ABC123", "__Host-fvm_consent", "other", "YSC"];
    expect(findDeniedCookies(setup.categories, [], present)).toEqual(["_ga", "_ga_ABC123"]);
    expect(findDeniedCookies(setup.categories, ["analytics"], present)).toEqual([]);
  });
});
