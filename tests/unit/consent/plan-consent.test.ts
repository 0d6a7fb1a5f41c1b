// What a page gets for a visitor: banner, script, embeds and the CSP's origins, per consent state.
import { describe, expect, it } from "vitest";
import type { ChoiceStatus } from "../../../worker/consent/choice-encoding.ts";
import { planConsent } from "../../../worker/consent/plan-consent.ts";
import { consentSetup, validChoice as valid } from "../../helpers/consent.ts";

const setup = consentSetup();
const ids = { eventId: "event-0001", consentId: "fresh-consent-id" };

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
