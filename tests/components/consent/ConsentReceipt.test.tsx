// ConsentReceipt, rendered alone: no choice, or the id, UTC time, choices, policy and texts hash.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ConsentReceipt } from "../../../components/consent/ConsentReceipt.tsx";
import { consentView } from "../../helpers/consent.ts";

const view = consentView("en");
/** The receipt of one choice made on 5 March 2026 at 09:07 UTC, granting or refusing `category`. */
const receipt = (
  category: { id: string; name: string; granted: boolean },
  made: { policyVersion?: string; textsHash?: string } = {},
) =>
  renderToString(
    <ConsentReceipt
      locale="en"
      texts={view.texts.receipt}
      {...made}
      choice={{
        consentId: "3f2c1a9e-8b7d-4c6e-9f01-23456789abcd",
        decidedAt: "2026-03-05T09:07:00.000Z",
        categories: [category],
        dates: view.dates,
      }}
    />,
  );

describe("consent components", () => {
  it("ConsentReceipt: without a choice says so; with one, names the id, the UTC time and each choice", () => {
    expect(renderToString(<ConsentReceipt locale="en" texts={view.texts.receipt} />)).toContain(
      `<p>${view.texts.receipt.none}</p>`,
    );
    const html = receipt({ id: "media", name: "Embedded videos", granted: false });
    expect(html).toContain(
      '<time datetime="2026-03-05T09:07:00.000Z">5 March 2026 09:07 UTC</time>',
    );
    expect(html).toContain("Embedded videos: <strong>not allowed</strong>");
    expect(html).not.toContain("consent-withdraw");
    // No policy version or texts hash given: those rows are left out, the download link is there.
    expect(html).not.toContain("data-policy-version");
    expect(html).toContain(
      '<a href="/consent/receipt" download="consent-receipt-3f2c1a9e-8b7d-4c6e-9f01-23456789abcd.json" type="application/json"',
    );
  });

  it("ConsentReceipt: shows the policy version and the texts hash the choice was made under", () => {
    const hash = "ab".repeat(32);
    const html = receipt(
      { id: "media", name: "Video", granted: true },
      { policyVersion: "a1b2c3d4e5f6", textsHash: hash },
    );
    expect(html).toContain(
      '<dt>Policy version</dt><dd><code data-policy-version="true">a1b2c3d4e5f6</code></dd>',
    );
    expect(html).toContain(
      `<dd><code data-texts-hash="true" class="consent-hash">${hash}</code></dd>`,
    );
    expect(html).toContain(">Download the receipt (JSON)</a>");
  });
});
