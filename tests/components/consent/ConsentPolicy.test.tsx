// The cookie notice as the Garante's inspector reads it: GDPR art. 13, nothing contradicted.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ConsentPolicy } from "../../../components/consent/ConsentPolicy.tsx";
import { ServiceDetails } from "../../../components/consent/ServiceDetails.tsx";
import { buildRecordOfProcessing } from "../../../content/record-of-processing.ts";
import { CHOICE_MAX_AGE_SECONDS } from "../../../worker/consent/choice-encoding.ts";
import { listShownCategories } from "../../../worker/consent/policy-version.ts";
import { DEFAULT_RETENTION_DAYS } from "../../../worker/ledger/ledger-config.ts";
import { consentView, elements } from "../../helpers/consent.ts";

const GA = { GA_MEASUREMENT_ID: "G-TEST12345" };
const notice = (locale: "it" | "en", bindings: { GA_MEASUREMENT_ID?: string } = GA) => {
  const view = consentView(locale);
  return {
    view,
    html: renderToString(
      <ConsentPolicy consent={view} categories={listShownCategories(view, bindings)} />,
    ),
  };
};
const text = async (html: string, selector: string) =>
  (await elements(html, selector)).map((e) => e.text.replace(/\s+/g, " ").trim());

describe.each(["it", "en"] as const)("the notice in %s answers GDPR art. 13", (locale) => {
  it("13(1)(a)-(b): the controller's identity and contact, and the DPO's, from one place, marked while unconfirmed", async () => {
    const { view, html } = notice(locale);
    const [controller] = await text(html, "[data-controller]");
    for (const fact of [
      view.controller.name,
      view.controller.address,
      view.controller.email,
      view.controller.dpo.email,
      view.controller.dpo.address,
    ]) {
      expect(controller).toContain(fact);
    }
    expect(await text(html, "[data-to-confirm]")).toEqual([view.texts.policy.toConfirm]);
    const confirmed = consentView(locale);
    confirmed.controller.toConfirm = false;
    expect(renderToString(<ConsentPolicy consent={confirmed} categories={[]} />)).not.toContain(
      "data-to-confirm",
    );
  });

  it("13(1)(c)-(f), 13(2)(a): each processing with purpose, basis, recipients, retention and transfers; the consent log first", async () => {
    const { view, html } = notice(locale);
    const ids = (await elements(html, "[data-processing]")).map((e) => e.attrs["data-processing"]);
    expect(ids).toEqual(["consent-log", "site", "ga4", "youtube"]);
    const [log] = await text(html, "[data-processing=consent-log]");
    for (const fact of [
      view.consentLog.purpose,
      view.consentLog.legalBasis,
      view.consentLog.record.retention,
      view.consentLog.record.recipients,
      view.consentLog.transfer,
    ]) {
      expect(log).toContain(fact);
    }
    for (const service of view.services) {
      const [block] = await text(html, `[data-processing=${service.id}]`);
      for (const fact of [
        service.purpose,
        service.legalBasis,
        service.record.data,
        service.record.recipients,
        service.record.retention,
        service.transfer,
      ])
        expect(block).toContain(fact);
    }
  });

  it("13(1)(e)-(f): what the notice says of recipients and transfers is what the record of processing says, word for word", async () => {
    const { view, html } = notice(locale);
    const [all] = await text(html, "#policy");
    for (const entry of buildRecordOfProcessing(view).entries) {
      expect(all).toContain(entry.transfers);
      expect(all).toContain(entry.recipients);
    }
  });

  it("13(1)(f): how to obtain a copy of the transfer safeguards", async () => {
    const { view, html } = notice(locale);
    expect((await text(html, "#policy"))[0]).toContain(view.texts.policy.processing.transferCopy);
  });

  it("13(2)(b)-(d): every right and how to exercise it, withdrawal, and a complaint to the Garante with its address", async () => {
    const { view, html } = notice(locale);
    const rights = await text(html, "[data-rights] li");
    expect(rights).toHaveLength(7);
    for (const article of ["15", "16", "17", "18", "20", "21", "7"])
      expect(rights.some((r) => r.includes(`art. ${article}`))).toBe(true);
    expect(html).toContain(`mailto:${view.controller.email}`);
    const [authority] = await text(html, "[data-authority]");
    expect(authority).toContain("Piazza Venezia 11, 00187 Roma");
    expect(authority).toContain("protocollo@gpdp.it");
    expect(authority).toContain("garanteprivacy.it");
  });

  it("13(2)(e)-(f): whether giving data is required, and that no automated decision is taken", async () => {
    const { view, html } = notice(locale);
    expect((await text(html, "#policy"))[0]).toContain(view.texts.policy.processing.provision);
    expect(html).toContain(locale === "it" ? "art. 22 del GDPR" : "GDPR art. 22");
  });

  it("describes only what runs: without a measurement id, Google Analytics is not in the notice", async () => {
    const { html } = notice(locale, {});
    expect(
      (await elements(html, "[data-processing]")).map((e) => e.attrs["data-processing"]),
    ).toEqual(["consent-log", "site", "youtube"]);
  });
});

describe("item 1: no sentence of the notice is contradicted by what the site does", () => {
  const all = (locale: "it" | "en") => JSON.stringify(consentView(locale));

  it("withdrawal is not claimed to take as few clicks as consent (the banner's Accept takes one, withdrawal two)", () => {
    expect(all("it")).not.toMatch(/come per darlo/);
    expect(all("en")).not.toMatch(/as many as giving/);
    expect(all("it")).toMatch(/«Revoca il consenso» \(o «Rifiuta tutto»\), due clic/);
  });

  it("YouTube is said to load with the page once videos are allowed, not only when a video starts", () => {
    const youtube = consentView("en").services.find((s) => s.id === "youtube")!;
    expect(youtube.purpose).toContain(
      "loads with every page that holds one, even before you start it",
    );
    expect(all("en")).not.toMatch(/When you start a video/);
    expect(all("it")).not.toMatch(/Quando avvii un video/);
  });

  it("no processing claims no transfer while the site runs on Cloudflare's network", () => {
    for (const locale of ["it", "en"] as const) {
      const view = consentView(locale);
      for (const transfer of [view.consentLog.transfer, ...view.services.map((s) => s.transfer)])
        expect(transfer).toMatch(/Cloudflare|Google LLC/);
      expect(view.services.every((s) => !s.transferBasis.includes("none"))).toBe(true);
    }
  });

  it("the lifetimes and the retention the notice states are the ones the code applies", () => {
    const view = consentView("en");
    const cookie = view.services.find((s) => s.id === "site")!.cookies[0]!;
    expect(cookie.maxAge).toBe("P6M");
    expect(CHOICE_MAX_AGE_SECONDS / 86_400).toBeGreaterThanOrEqual(183);
    expect(CHOICE_MAX_AGE_SECONDS / 86_400).toBeLessThanOrEqual(184);
    expect(view.consentLog.record.retention).toContain(`${DEFAULT_RETENTION_DAYS} days`);
    expect(consentView("it").consentLog.record.retention).toContain(
      `${DEFAULT_RETENTION_DAYS} giorni`,
    );
  });

  it("G40: each third party's cookie table states names and lifetimes in words, in the visitor's language", async () => {
    const view = consentView("it");
    const youtube = view.services.find((s) => s.id === "youtube")!;
    const html = renderToString(
      <ServiceDetails service={youtube} labels={view.texts.preferences} />,
    );
    expect(await text(html, "tbody td:nth-child(4)")).toEqual([
      "Fino alla chiusura del browser",
      "6 mesi",
      "6 mesi",
    ]);
  });
});
