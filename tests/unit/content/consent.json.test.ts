// content/consent.json: the schema's rules keep the inventory honest; the real file passes them.
import { describe, expect, it } from "vitest";
import { ConsentConfig } from "../../../content/schema.ts";
import { validateContent } from "../../../content/validate.ts";
import { nameConsentCookie } from "../../../worker/consent/cookie.ts";
import { CONTENT_FILES } from "../../helpers/content.ts";
import { consentConfig } from "../../helpers/consent.ts";

const problems = (edit: Parameters<typeof consentConfig>[0]) => {
  // The bundle joins consent-history.json to consent.json; the file itself holds no history.
  const { history: _history, ...config } = consentConfig(edit);
  const result = ConsentConfig.safeParse(config);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("content/consent.json", () => {
  it("is part of the validated content, and a missing text in one locale names the file and field", () => {
    const files = CONTENT_FILES.map((f) =>
      f.path === "consent.json"
        ? { ...f, text: f.text.replace('"rejectAll": "Reject all",', "") }
        : f,
    );
    const result = validateContent(files);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({
      file: "consent.json",
      field: "texts.en.banner.rejectAll",
      message: expect.stringMatching(/^is missing/),
    });
  });

  it("B17: the technical category lists only first-party tools: our consent cookie, with its justification", () => {
    const config = consentConfig();
    const technical = config.services.filter(
      (s) => config.categories.find((c) => c.id === s.category)?.required,
    );
    expect(technical.flatMap((s) => s.cookies.map((c) => c.name))).toEqual([
      nameConsentCookie("production"),
    ]);
    expect(
      technical.every(
        (s) => s.cookies.every((c) => c.firstParty) && Object.keys(s.origins).length === 0,
      ),
    ).toBe(true);
    expect(technical[0]!.legalBasis.en).toMatch(/no consent/);
  });

  it("B17: refuses a third-party origin or a binding in the technical category", () => {
    expect(
      problems((c) => (c.services[0]!.origins = { script: ["https://cdn.example.com"] })),
    ).toEqual([
      "services.0: a technical service must be first-party: no third-party origins, no binding it requires",
    ]);
  });

  it("B13: each optional category holds one third party, so each is selectable on its own (cat_<id>)", () => {
    expect(
      problems((c) =>
        c.services.push({ ...c.services[2]!, id: "vimeo", embeds: undefined, embedUrl: undefined }),
      ),
    ).toEqual(["categories.2: an optional category holds exactly one service"]);
  });

  it("refuses exactly-one-technical-category violations, unknown categories, duplicate ids and empty categories", () => {
    expect(problems((c) => (c.categories[1]!.required = true))).toContain(
      "categories: exactly one category must be required (the technical one)",
    );
    expect(problems((c) => (c.services[1]!.category = "ads"))).toContain(
      'services.1.category: "ads" is not a category',
    );
    expect(problems((c) => (c.services[2]!.id = "ga4"))).toContain("services.2.id: is used twice");
    expect(
      problems((c) => (c.services = c.services.filter((s) => s.category !== "media"))),
    ).toContain("categories.2: has no service: a category with nothing behind it is never shown");
  });

  it("refuses an embed whose origin the CSP would not allow, and category ids that cannot name a form field", () => {
    expect(problems((c) => (c.services[2]!.origins.frame = ["https://www.youtube.com"]))).toContain(
      "services.2.origins.frame: must list the origin of embedUrl",
    );
    expect(problems((c) => (c.categories[2]!.id = "Media Embeds"))).not.toEqual([]);
    expect(
      problems((c) => (c.services[1]!.origins.script = ["http://insecure.example.com"])),
    ).not.toEqual([]);
  });

  it("A10: offers no legitimate-interest basis anywhere", () => {
    expect(JSON.stringify(consentConfig())).not.toMatch(/legittimo interesse|legitimate interest/i);
  });
});
