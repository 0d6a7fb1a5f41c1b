// D24: the hash of the exact banner and preferences markup, stylesheet and script shown.
import { describe, expect, it } from "vitest";
import { CSS } from "../../../components/styles.ts";
import { CONSENT_SCRIPT } from "../../../worker/assets/consent-script.ts";
import { listShownCategories } from "../../../worker/consent/policy-version.ts";
import { hashShownMarkup, renderShownMarkup } from "../../../worker/consent/shown-markup.ts";
import { sha256Hex } from "../../../lib/bytes.ts";
import { consentConfig, consentView } from "../../helpers/consent.ts";

const shown = (locale: "it" | "en" = "it", view = consentView(locale), version = "77fa1b5bd130") =>
  renderShownMarkup(view, listShownCategories(view, {}), version);

// D24: the hash of the exact banner and preferences markup, stylesheet and script for a locale and
// policy version.
describe("D24: a code hash of what was shown", () => {
  it("D24: covers the banner and preferences as rendered, the stylesheet and the script, byte for byte", async () => {
    const markup = shown();
    expect(markup.banner).toContain("data-consent-banner");
    expect(markup.banner).toContain(consentView().texts.banner.acceptAll);
    expect(markup.preferences).toContain("data-consent-preferences");
    expect(markup.stylesheet).toBe(CSS);
    expect(markup.script).toBe(CONSENT_SCRIPT);
    const { hash, parts } = await hashShownMarkup(markup);
    expect(parts.banner).toBe(await sha256Hex(markup.banner));
    expect(hash).toBe(
      await sha256Hex(
        [
          "fvm-shown-markup-v1",
          "it",
          "77fa1b5bd130",
          parts.banner,
          parts.preferences,
          parts.stylesheet,
          parts.script,
        ].join("\n"),
      ),
    );
  });

  it("D24: is the same for the same inputs, and differs per locale, per policy version and for one changed byte", async () => {
    const base = (await hashShownMarkup(shown())).hash;
    expect((await hashShownMarkup(shown())).hash).toBe(base);
    expect((await hashShownMarkup(shown("en"))).hash).not.toBe(base);
    expect((await hashShownMarkup(shown("it", consentView(), "000000000000"))).hash).not.toBe(base);
    const reworded = consentView(
      "it",
      consentConfig((c) => (c.texts.it.banner.rejectAll = "Rifiuta")),
    );
    expect((await hashShownMarkup(shown("it", reworded))).hash).not.toBe(base);
    expect((await hashShownMarkup({ ...shown(), script: `${CONSENT_SCRIPT} ` })).hash).not.toBe(
      base,
    );
    expect((await hashShownMarkup({ ...shown(), stylesheet: `${CSS} ` })).hash).not.toBe(base);
  });

  it("D24: carries no per-view value: no nonce, the locale's home page as the return path", () => {
    const { banner } = shown();
    expect(banner).not.toContain('name="event"');
    expect(banner).toContain('name="return" value="/it/"');
  });
});
