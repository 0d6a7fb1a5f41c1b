// Which categories are shown, and the policy version: it follows substance, never wording.
import { describe, expect, it } from "vitest";
import {
  findDeniedCookies,
  readMeasurementId,
  computePolicyVersion,
  listShownCategories,
  serializeShownTexts,
} from "../../../worker/consent/policy-version.ts";
import { GA, consentConfig, consentSetup, consentView } from "../../helpers/consent.ts";

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

const setup = consentSetup();

describe("F34: first-party optional cookies are deleted once their category is denied", () => {
  it("matches the inventory's names and patterns, never the consent cookie or others", () => {
    const present = ["_ga", "_ga_ABC123", "__Host-fvm_consent", "other", "YSC"];
    expect(findDeniedCookies(setup.categories, [], present)).toEqual(["_ga", "_ga_ABC123"]);
    expect(findDeniedCookies(setup.categories, ["analytics"], present)).toEqual([]);
  });
});
