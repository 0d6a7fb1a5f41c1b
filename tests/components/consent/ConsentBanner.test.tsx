// ConsentBanner, rendered alone: a labelled region in the page's language, one form back to it.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ConsentBanner } from "../../../components/consent/ConsentBanner.tsx";
import { listShownCategories } from "../../../worker/consent/policy-version.ts";
import { consentView } from "../../helpers/consent.ts";

const view = consentView("en");

describe("consent components", () => {
  it("ConsentBanner: a labelled region in the page's language; one form that comes back to the page", () => {
    const html = renderToString(
      <ConsentBanner
        locale="en"
        texts={view.texts.banner}
        categories={listShownCategories(view, {})}
        returnTo="/en/achieved?page=2"
        signal={false}
      />,
    );
    expect(html).toMatch(
      /^<section class="consent-banner" aria-labelledby="consent-banner-title" lang="en" data-consent-banner="true">/,
    );
    expect(html).toContain(
      '<form method="post" action="/consent" data-consent-form="true"><input type="hidden" name="return" value="/en/achieved?page=2"/>',
    );
    expect(html.match(/name="action"/g)).toHaveLength(3);
    expect(html).not.toContain(view.texts.banner.signalNotice);
  });
});
