// What a consent form decides: the categories, the method, withdrawal, the privacy signals.
import { describe, expect, it } from "vitest";
import type { ChoiceStatus } from "../../../worker/consent/choice-encoding.ts";
import { decide } from "../../../worker/consent/decide.ts";
import type { ConsentForm } from "../../../worker/consent/parse-consent-form.ts";
import { consentSetup, validChoice as valid } from "../../helpers/consent.ts";

const form = (overrides: Partial<ConsentForm>): ConsentForm => ({
  action: "accept_all",
  ticked: [],
  returnTo: "/it/",
  source: "banner",
  ...overrides,
});
const setup = consentSetup();
const ids = { eventId: "event-0001", consentId: "fresh-consent-id" };

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
