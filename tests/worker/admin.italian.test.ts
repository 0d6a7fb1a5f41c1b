// The dashboard for an Italian DPO: language from the browser, labels from content/admin.json.

import { beforeAll, describe, expect, it } from "vitest";
import admin from "../../content/admin.json";
import { listShownCategories, serializeShownTexts } from "../../worker/consent/policy-version.ts";
import { sha256Hex } from "../../lib/bytes.ts";
import { adminGet, adminOver } from "../helpers/admin.ts";
import { consentView, elements } from "../helpers/consent.ts";
import { appendAt, decision } from "../helpers/ledger.ts";
import { type Requester } from "../helpers/worker.ts";

let worker: Requester;
const REAL_TEXTS = serializeShownTexts(
  consentView("it"),
  listShownCategories(consentView("it"), {}),
);
const page = (path: string, headers: Record<string, string> = {}) =>
  adminGet(worker, path, headers);

beforeAll(async () => {
  worker = await adminOver([
    [
      "2026-03-01T09:00:00.000Z",
      { consentId: "consent-visitor-italiano", action: "accept_all", texts: REAL_TEXTS },
    ],
  ]);
});

/** Every leaf string of a labels tree. */
const leaves = (value: unknown): string[] =>
  typeof value === "string" ? [value] : Object.values(value as object).flatMap(leaves);

// The dashboard for an Italian DPO: Italian or English from Accept-Language with a switch, every
// label from content/admin.json; archived texts shown rendered as the visitor saw them; the record
// of processing from the same consent configuration as the notice.
describe("item 5: a dashboard an Italian DPO can read", () => {
  it("speaks Italian without an Accept-Language or with it-IT, English with en, every heading from content/admin.json", async () => {
    for (const headers of [{}, { "Accept-Language": "it-IT,it;q=0.9,en;q=0.5" }] as Record<
      string,
      string
    >[]) {
      const { body } = await page("/admin/", headers);
      expect(body).toContain('<html lang="it">');
      for (const label of [
        admin.it.dashboard.heading,
        admin.it.dashboard.filtersHeading,
        admin.it.dashboard.latestHeading,
        admin.it.chain.heading,
        admin.it.record.heading,
      ]) {
        expect(body).toContain(label);
      }
      for (const english of [
        "Decisions per day",
        "Filters and look-up",
        "Latest decisions",
        "Chain and signatures",
        "Signed in as",
        ">Apply<",
      ])
        expect(body).not.toContain(english);
    }
    const { body } = await page("/admin/", { "Accept-Language": "en-US,en;q=0.9" });
    expect(body).toContain('<html lang="en">');
    expect(body).toContain(admin.en.dashboard.perDayHeading);
  });

  it("shows actions and methods in words: 'accetta tutto', not accept_all", async () => {
    const { body } = await page("/admin/?consent_id=consent-visitor-italiano");
    const [cell] = await elements(body, "td[data-action]");
    expect(cell?.text).toBe(admin.it.actions.accept_all);
  });

  it("switches language with a link, and remembers the choice for /admin only", async () => {
    const { body } = await page("/admin/?from=2026-03-01");
    const [link] = await elements(body, ".langs a[hreflang=en]");
    const href = link!.attrs.href!.replaceAll("&amp;", "&");
    expect(href).toBe("/admin/?from=2026-03-01&lang=en");
    const switched = await page(href);
    expect(switched.body).toContain('<html lang="en">');
    const cookie = switched.res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(
      /^fvm_admin_lang=en; Path=\/admin; Max-Age=\d+; HttpOnly; SameSite=Strict; Secure$/,
    );
    expect(
      (await page("/admin/", { Cookie: cookie.split(";")[0]!, "Accept-Language": "it" })).body,
    ).toContain('<html lang="en">');
  });

  it("the labels file has the same keys in both languages and no label left empty", () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    expect(keys(admin.it)).toEqual(keys(admin.en));
    expect(leaves(admin.it).every((s) => s.trim().length > 0)).toBe(true);
  });
});

describe("item 5, D25: archived texts are shown rendered as the visitor saw them, not as JSON", () => {
  it("frames a sandboxed rendering of the banner, preferences and notice from the archived texts", async () => {
    const hash = await sha256Hex(REAL_TEXTS);
    const { body } = await page(`/admin/texts/${hash}`);
    const [frame] = await elements(body, "iframe.archived");
    expect(frame?.attrs).toMatchObject({ src: `/admin/texts/${hash}/rendered`, sandbox: "" });
    expect(body).not.toContain("<pre>");

    const rendered = await page(`/admin/texts/${hash}/rendered`, {
      "Sec-Fetch-Site": "same-origin",
      "Sec-Fetch-Dest": "iframe",
    });
    expect(rendered.res.status).toBe(200);
    const view = consentView("it");
    expect((await elements(rendered.body, "#consent-banner-title"))[0]?.text).toBe(
      view.texts.banner.title,
    );
    expect((await elements(rendered.body, "#preferences-title"))[0]?.text).toBe(
      view.texts.preferences.title,
    );
    expect((await elements(rendered.body, "[data-controller] dt"))[0]?.text).toBe(
      view.controller.name,
    );
    expect(rendered.body).not.toContain("<script");
    const csp = rendered.res.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("sandbox");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    expect(rendered.res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    expect((await page("/admin/", {})).res.headers.get("Content-Security-Policy")).toContain(
      "frame-src 'self'",
    );
  });

  it("an earlier format (texts without the notice's parts) is shown as its content, with a note", async () => {
    const old = JSON.stringify({ locale: "it", banner: "Testi di una versione precedente." });
    await appendAt("2026-03-02T09:00:00.000Z", decision({ texts: old }));
    const { body } = await page(`/admin/texts/${await sha256Hex(old)}`);
    expect(body).toContain(admin.it.texts.notRenderable);
    expect(body).toContain("Testi di una versione precedente.");
    expect((await page(`/admin/texts/${await sha256Hex(old)}/rendered`)).res.status).toBe(404);
  });
});

describe("D28: the record of processing on the dashboard, from the consent configuration the notice shows", () => {
  it("names the controller and DPO, the consent log and each tracker, with the notice's own transfer texts", async () => {
    const { body } = await page("/admin/");
    const view = consentView("it");
    const [ropa] = await elements(body, "[data-ropa]");
    expect(ropa?.text).toContain(view.controller.name);
    expect(ropa?.text).toContain(view.controller.dpo.email);
    const heads = (await elements(body, "[data-ropa] thead th[data-entry]")).map(
      (h) => h.attrs["data-entry"],
    );
    expect(heads).toEqual(["consent-log", ...view.services.map((s) => s.id)]);
    for (const transfer of [view.consentLog.transfer, ...view.services.map((s) => s.transfer)])
      expect(ropa?.text).toContain(transfer);
  });
});
