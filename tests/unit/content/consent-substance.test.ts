// E31: the policy version follows what a visitor agrees to, never its wording; editors mark which.
import { describe, expect, it } from "vitest";
import { recordPolicy, substanceOf } from "../../../content/consent-history.ts";
import { fingerprintWording } from "../../../content/consent-substance.ts";
import type { ConsentBundle } from "../../../content/schema.ts";
import { validateContent } from "../../../content/validate.ts";
import {
  computePolicyVersion,
  listShownCategories,
} from "../../../worker/consent/policy-version.ts";
import { CONTENT_FILES } from "../../helpers/content.ts";
import { GA, consentConfig, consentView } from "../../helpers/consent.ts";

type Edit = (config: ConsentBundle) => void;
const viewOf = (config: ConsentBundle, locale: "it" | "en" = "it") => consentView(locale, config);
const version = (edit: Edit) =>
  computePolicyVersion(listShownCategories(viewOf(consentConfig(edit)), GA));

/**
 * consent.json and consent-history.json as files, with `edit` applied to consent.json and `history`
 * replacing the record.
 */
function validateWith(edit: Edit, history?: unknown) {
  const { history: _h, ...config } = consentConfig(edit);
  const files = CONTENT_FILES.map((f) => {
    if (f.path === "consent.json") return { ...f, text: JSON.stringify(config) };
    if (f.path === "consent-history.json" && history)
      return { ...f, text: JSON.stringify(history) };
    return f;
  });
  return validateContent(files);
}
const problemsOf = (result: ReturnType<typeof validateContent>) =>
  result.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);

describe("E31: the policy version changes with what a visitor agreed to, and only then", () => {
  const substantive: [string, Edit][] = [
    [
      "a category",
      (c) =>
        c.categories.push({ ...c.categories[2]!, id: "maps" }) &&
        c.services.push({
          ...c.services[2]!,
          id: "osm",
          category: "maps",
          embeds: undefined,
          embedUrl: undefined,
        }),
    ],
    ["a purpose of a category", (c) => c.categories[2]!.purposes.push("recommendations")],
    ["a service's provider", (c) => (c.services[2]!.provider = "Another Company Ltd")],
    ["a legal basis", (c) => (c.services[0]!.basis = "consent")],
    ["a transfer basis", (c) => (c.services[1]!.transferBasis = ["scc"])],
    ["a cookie's name", (c) => (c.services[2]!.cookies[0]!.name = "YSC2")],
    ["a cookie's lifetime", (c) => (c.services[1]!.cookies[0]!.maxAge = "P13M")],
    ["a cookie's party", (c) => (c.services[1]!.cookies[0]!.firstParty = false)],
    ["a purpose marked substantive", (c) => (c.services[2]!.purposeReview.revision = 2)],
  ];
  it.each(substantive)("E31: %s changes it", async (_what, edit) => {
    expect(await version(edit)).not.toBe(await version(() => {}));
  });

  it("E31: prose does not: the legal basis and transfer texts, a purpose reworded and marked so, names, durations' words, the notice", async () => {
    const before = await version(() => {});
    const after = await version((c) => {
      c.services[1]!.legalBasis.it = "Il tuo consenso (art. 6.1.a GDPR).";
      c.services[1]!.transfer.en = "Possibly to Google LLC, in the US (DPF, SCCs).";
      c.services[2]!.purpose.en = "Show and play the project videos (reworded).";
      c.services[2]!.purposeReview.wording = fingerprintWording(c.services[2]!.purpose);
      c.services[2]!.name = "YouTube";
      c.services[2]!.record.retention.it = "Riformulato.";
      c.texts.it.preferences.durations.months = "{n} mesi di calendario";
      c.controller.email = "privacy@example.org";
      c.consentLog.record.retention.en = "Reworded.";
      c.categories.reverse();
    });
    expect(after).toBe(before);
  });
});

describe("E31: editors say whether a purpose's new wording is substantive; the validator refuses an ambiguous edit", () => {
  const reword: Edit = (c) =>
    (c.services[2]!.purpose.it = "Mostrare i video dei progetti, con il lettore di YouTube.");

  it("E31: a reworded purpose with no word on it is refused, naming the field and both exact fixes", () => {
    const result = validateWith(reword);
    expect(result.ok).toBe(false);
    const [problem] = result.problems.filter((p) => p.field === "services.2.purposeReview");
    const wording = fingerprintWording(consentConfig(reword).services[2]!.purpose);
    expect(problem?.file).toBe("consent.json");
    expect(problem?.message).toContain(`"revision": 2, "wording": "${wording}"`);
    expect(problem?.message).toContain(`"revision": 1, "wording": "${wording}"`);
  });

  it("E31: marked as wording only, it validates and nobody is asked again", async () => {
    const marked: Edit = (c) => {
      reword(c);
      c.services[2]!.purposeReview.wording = fingerprintWording(c.services[2]!.purpose);
    };
    expect(problemsOf(validateWith(marked))).toEqual([]);
    expect(await version(marked)).toBe(await version(() => {}));
  });

  it("E31: marked substantive, it needs recording in consent-history.json (everyone is asked again), then validates", () => {
    const marked: Edit = (c) => {
      reword(c);
      c.services[2]!.purposeReview = {
        revision: 2,
        wording: fingerprintWording(c.services[2]!.purpose),
      };
    };
    expect(problemsOf(validateWith(marked))).toEqual([
      "consent-history.json: policies: consent.json changed what visitors agree to (purpose-changed youtube): publishing it asks everyone again. If that is meant, record it with npm run consent:policy -- --record",
    ]);
    const { history, ...config } = consentConfig(marked);
    const recorded = recordPolicy({ policies: history! }, config, "2026-12-01");
    expect(recorded.policies).toHaveLength(history!.length + 1);
    expect(problemsOf(validateWith(marked, recorded))).toEqual([]);
  });

  it("the real content/consent-history.json records the policy in force", () => {
    const { history, ...config } = consentConfig();
    expect(history!.at(-1)!.substance).toEqual(substanceOf(config));
  });
});
