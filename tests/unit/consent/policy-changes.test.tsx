// E31: after a substantive change, the banner says what changed since the visitor's last choice.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ConsentBanner } from "../../../components/consent/ConsentBanner.tsx";
import { recordPolicy } from "../../../content/consent-history.ts";
import type { ConsentBundle } from "../../../content/schema.ts";
import {
  explainPolicyChanges,
  indexPolicyHistory,
} from "../../../worker/consent/policy-changes.ts";
import { listShownCategories } from "../../../worker/consent/policy-version.ts";
import { GA, consentConfig, consentView } from "../../helpers/consent.ts";

type Edit = (config: ConsentBundle) => void;
const viewOf = (config: ConsentBundle, locale: "it" | "en" = "it") => consentView(locale, config);

describe("E31: after a substantive change, the banner says what changed since the visitor's last choice", () => {
  /**
   * A policy recorded before: YouTube's cookie lived 3 months and GA4 needed no US transfer basis.
   */
  const earlier: Edit = (c) => {
    c.services[2]!.cookies[1]!.maxAge = "P3M";
    c.services[1]!.transferBasis = ["none"];
    c.services[2]!.cookies.push({ ...c.services[2]!.cookies[0]!, name: "PREF" });
  };

  async function explain(
    locale: "it" | "en",
    previous: Edit,
    bindings: string[] = ["GA_MEASUREMENT_ID"],
  ) {
    const { history: _h, ...before } = consentConfig(previous);
    const current = consentConfig();
    const history = recordPolicy({ policies: current.history! }, before, "2026-06-01").policies;
    const view = viewOf(
      { ...current, history: [...history.slice(-1), ...current.history!] },
      locale,
    );
    const categories = listShownCategories(view, bindings.length ? GA : {});
    const index = await indexPolicyHistory(view.history, bindings);
    const [previousVersion] = [...index.keys()];
    return explainPolicyChanges(index, previousVersion!, categories, view.texts, bindings);
  }

  it("E31: names each change in the visitor's language, durations in words", async () => {
    expect(await explain("it", earlier)).toBe(
      "Da quando hai scelto è cambiato quanto segue: sono cambiati i trasferimenti di dati di Google Analytics 4; " +
        "il cookie VISITOR_INFO1_LIVE dura 6 mesi invece di 3 mesi; non c'è più il cookie PREF di YouTube (privacy-enhanced mode). Per questo ti chiediamo di nuovo.",
    );
    expect(await explain("en", earlier)).toContain(
      "the cookie VISITOR_INFO1_LIVE lasts 6 months instead of 3 months",
    );
  });

  it("E31: a change to a service this deployment does not run is not told (no measurement id: no GA4)", async () => {
    expect(await explain("it", (c) => (c.services[1]!.transferBasis = ["none"]), [])).toBe(
      "Da quando hai scelto abbiamo cambiato in modo sostanziale come usiamo i dati: per questo ti chiediamo di nuovo.",
    );
  });

  it("E31: a choice made under a policy not on record gets the general line", async () => {
    const view = viewOf(consentConfig());
    const index = await indexPolicyHistory(view.history, []);
    expect(
      explainPolicyChanges(index, "0123456789ab", listShownCategories(view, {}), view.texts, []),
    ).toBe(view.texts.banner.changedUnknown);
  });

  it("E31: the banner carries that one line when given, and nothing when not", () => {
    const view = viewOf(consentConfig());
    const props = {
      locale: "it" as const,
      texts: view.texts.banner,
      categories: listShownCategories(view, {}),
      returnTo: "/it/",
      signal: false,
    };
    expect(
      renderToString(<ConsentBanner {...props} changes="Da quando hai scelto: X." />),
    ).toContain('<p class="consent-changes">Da quando hai scelto: X.</p>');
    expect(renderToString(<ConsentBanner {...props} />)).not.toContain("consent-changes");
  });
});
