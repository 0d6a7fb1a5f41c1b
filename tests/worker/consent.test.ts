// The whole consent flow without JavaScript: plain GETs and form posts, as with scripts off.
import { formatMaxAge } from "../../components/consent/format-duration.ts";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import consent from "../../content/consent.json";
import strings from "../../content/strings.json";
import * as ledger from "../../worker/consent/record-decision.ts";
import { choiceCookie, cookieSet, elements, postConsent } from "../helpers/consent.ts";
import { html, req, seed } from "../helpers/worker.ts";

const PROJECT = {
  it: "/it/progetti/milano-citta-della-life-sciences",
  en: "/en/projects/milan-city-of-life-sciences",
};
const PAGES = [
  "/it/",
  "/en/",
  "/it/obiettivi-raggiunti",
  "/en/achieved",
  PROJECT.it,
  PROJECT.en,
  "/it/cookie",
  "/en/cookies",
  "/en/projects/no-such-project",
];

beforeAll(async () => {
  await seed();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const get = async (path: string, cookie?: string) =>
  html(await req(`GET ${path}`, { headers: cookie ? { Cookie: cookie } : {} }));
const banner = async (body: string) => (await elements(body, "section[data-consent-banner]"))[0];
const localeOf = (path: string) => (path.startsWith("/en/") ? "en" : "it");

// The whole consent flow without JavaScript, as a browser with scripts off would live it: plain
// GETs and form posts.
describe("A. the banner, first layer", () => {
  it.each(PAGES)(
    "A1, A11: appears on a first visit to %s, in the page's language",
    async (path) => {
      const body = await get(path);
      const found = await banner(body);
      expect(found?.attrs.lang).toBe(localeOf(path));
      expect(found?.text).toContain(consent.texts[localeOf(path)].banner.title);
    },
  );

  it.each(["it", "en"] as const)(
    "A2 (%s): X warning, short notice with purposes, policy link, Accept, link to the preferences",
    async (locale) => {
      const texts = consent.texts[locale].banner;
      const body = await get(`/${locale}/`);
      const text = (await banner(body))!.text;
      expect(text).toContain(texts.closeNotice); // (i)
      expect(text).toContain(texts.intro); // (ii)
      expect(text).toContain(consent.categories.find((c) => c.id === "media")!.summary[locale]); // (ii) purposes
      const links = await elements(body, "section[data-consent-banner] a");
      const cookiePage = locale === "it" ? "/it/cookie" : "/en/cookies";
      expect(links).toContainEqual({
        attrs: { href: `${cookiePage}#policy` },
        text: texts.policyLink,
      }); // (iii)
      expect(links).toContainEqual({
        attrs: { class: "consent-button", href: `${cookiePage}#preferences` },
        text: texts.customize,
      }); // (v)
      const buttons = await elements(body, "section[data-consent-banner] button");
      expect(buttons.map((b) => [b.attrs.value, b.text.trim()])).toEqual([
        ["close", ""],
        ["accept_all", texts.acceptAll], // (iv)
        ["reject_all", texts.rejectAll],
      ]);
      expect(buttons[0]!.attrs["aria-label"]).toBe(texts.close);
    },
  );

  it("A4, A5: Accept, Reject and the X are buttons of one form, with one class (one look)", async () => {
    const body = await get("/it/");
    const forms = await elements(body, "section[data-consent-banner] form");
    expect(forms).toHaveLength(1);
    expect(forms[0]!.attrs).toMatchObject({ method: "post", action: "/consent" });
    const buttons = await elements(body, "section[data-consent-banner] form button[name=action]");
    expect(new Set(buttons.map((b) => b.attrs.class?.replace(" consent-x", "")))).toEqual(
      new Set(["consent-button"]),
    );
  });

  it("A9: names each purpose and says consent can be withdrawn at any time through the footer link", async () => {
    for (const locale of ["it", "en"] as const) {
      const text = (await banner(await get(`/${locale}/`)))!.text;
      expect(text).toContain(consent.texts[locale].banner.withdrawNotice);
      expect(consent.texts[locale].banner.withdrawNotice).toContain(
        strings[locale].footer.cookiePreferences,
      );
      expect(text).toContain(consent.categories[2]!.name[locale]);
    }
  });

  it("A10: shows no legitimate-interest basis or toggle", async () => {
    for (const path of ["/it/", "/en/cookies"])
      expect(await get(path)).not.toMatch(/legittimo interesse|legitimate interest/i);
    const switches = await elements(await get("/en/cookies"), "input[role=switch]");
    expect(switches.map((s) => s.attrs.id)).toEqual(["category-necessary", "category-media"]);
  });

  it("A3: the X stores a refusal of every optional category and comes back to the same page", async () => {
    const response = await postConsent(`action=close&return=${encodeURIComponent(PROJECT.it)}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(PROJECT.it);
    expect(cookieSet(response)).toMatch(/\.[0-9a-f]{12}\.\.\d+\./);
    const body = await get(PROJECT.it, cookieSet(response));
    expect(await banner(body)).toBeUndefined();
    expect(body).not.toContain("youtube-nocookie");
  });

  it("A7: navigating, reloading and waiting record nothing: no cookie, the banner on every page", async () => {
    const record = vi.spyOn(ledger, "recordDecision");
    for (const path of [...PAGES, ...PAGES]) {
      const response = await req(`GET ${path}`);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      expect(await banner(await response.text())).toBeDefined();
    }
    expect(record).not.toHaveBeenCalled();
  });

  it("A8: after a refusal every page is still there in full (no cookie wall)", async () => {
    const cookie = cookieSet(await postConsent("action=reject_all&return=/it/"));
    for (const path of PAGES.slice(0, -1)) {
      const response = await req(`GET ${path}`, { headers: { Cookie: cookie } });
      expect(response.status).toBe(200);
      expect(await banner(await response.text())).toBeUndefined();
    }
  });
});

describe("B. the preferences", () => {
  it("B12: every page's footer links to them, and so does the banner", async () => {
    for (const path of PAGES) {
      const footer = await elements(await get(path), "footer a[data-consent-open]");
      expect(footer.map((a) => a.attrs.href)).toEqual([
        localeOf(path) === "it" ? "/it/cookie" : "/en/cookies",
      ]);
    }
  });

  it("B13, G40: list each category, each third party under it and the table of its cookies", async () => {
    for (const locale of ["it", "en"] as const) {
      const body = await get(locale === "it" ? "/it/cookie" : "/en/cookies");
      const texts = consent.texts[locale].preferences;
      for (const service of consent.services.filter((s) => !("requires" in s))) {
        const block = (await elements(body, `[data-consent-service=${service.id}]`))[0]!.text;
        for (const field of [
          service.provider,
          service.purpose[locale],
          service.legalBasis[locale],
          service.transfer[locale],
        ])
          expect(block).toContain(field);
        const rows = await elements(body, `[data-consent-service=${service.id}] tbody tr`);
        expect(rows.map((r) => r.text)).toEqual(
          service.cookies.map(
            (c) =>
              `${c.name}${c.provider}${c.purpose[locale]}${formatMaxAge(c.maxAge, texts.durations)}`,
          ),
        );
      }
      const heads = await elements(body, ".cookie-table thead th");
      expect(heads.slice(0, 4).map((h) => h.text)).toEqual([
        texts.cookieName,
        texts.cookieProvider,
        texts.cookiePurpose,
        texts.cookieDuration,
      ]);
    }
  });

  it("B14: on first render every optional switch is off and the technical one on and locked", async () => {
    const switches = await elements(await get("/it/cookie"), "input[role=switch]");
    expect(
      switches.map((s) => [s.attrs.name, "checked" in s.attrs, "disabled" in s.attrs]),
    ).toEqual([
      [undefined, true, true],
      ["cat_media", false, false],
    ]);
  });

  it("B15: offer Accept all, Reject all and Save; saving with nothing on is a refusal", async () => {
    const buttons = await elements(
      await get("/en/cookies"),
      "form[data-consent-preferences] button",
    );
    expect(buttons.map((b) => b.attrs.value)).toEqual(["accept_all", "reject_all", "save"]);
    const record = vi.spyOn(ledger, "recordDecision");
    const response = await postConsent(
      "action=save&source=preferences&return=%2Fen%2Fcookies%23preferences",
    );
    expect(response.headers.get("Location")).toBe("/en/cookies#preferences");
    expect(record.mock.calls[0]![1]).toMatchObject({
      action: "save",
      method: "preferences",
      categories: { necessary: true, media: false },
    });
  });

  it("B16: reopened, they show the state stored, and a receipt: consent id, date, choices", async () => {
    const cookie = cookieSet(await postConsent("action=save&cat_media=on&return=/it/cookie"));
    const consentId = cookie.split(".")[1];
    const body = await get("/it/cookie", cookie);
    expect((await elements(body, "input[name=cat_media]"))[0]!.attrs).toHaveProperty("checked");
    const receipt = (await elements(body, "[data-consent-receipt]"))[0]!.text;
    expect(receipt).toContain(consentId);
    expect(receipt).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} UTC/);
    expect(receipt).toContain(
      `${consent.categories[2]!.name.it}: ${consent.texts.it.receipt.granted}`,
    );
  });
});

describe("C. storing the choice", () => {
  it("C19: a refusal is stored too, in the same signed cookie: id, per-category choice, time, policy version", async () => {
    const record = vi.spyOn(ledger, "recordDecision");
    const response = await postConsent("action=reject_all&return=/it/");
    const [, value] = response.headers.getSetCookie()[0]!.split(";")[0]!.split("=");
    const [format, id, policy, granted, time] = value!.split(".");
    expect([format, granted]).toEqual(["1", ""]);
    expect(id).toBe(record.mock.calls[0]![1].consentId);
    expect(policy).toBe(record.mock.calls[0]![1].policyVersion);
    expect(Math.abs(Number(time) - Date.now() / 1000)).toBeLessThan(5);
  });

  it("C20: a missing, unreadable, forged or stale cookie is no choice: the banner shows", async () => {
    const valid = await choiceCookie();
    const cookies = [
      "",
      valid.replace(/=.*/, "=garbage"),
      valid.replace(/\.\.(\d+)\./, ".media.$1."),
      await choiceCookie({}, "another-secret-".repeat(3)),
      await choiceCookie({ policyVersion: "000000000000" }),
      await choiceCookie({ decidedAt: Math.floor(Date.now() / 1000) - 185 * 86_400 }),
    ];
    for (const cookie of cookies) expect(await banner(await get("/it/", cookie))).toBeDefined();
    expect(await banner(await get("/it/", valid))).toBeUndefined();
  });
});

describe("E. asking again", () => {
  it("E29: a refusal keeps the banner away for six months, then it asks again", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(
      await banner(await get("/en/", await choiceCookie({ decidedAt: now - 183 * 86_400 }))),
    ).toBeUndefined();
    expect(
      await banner(await get("/en/", await choiceCookie({ decidedAt: now - 185 * 86_400 }))),
    ).toBeDefined();
  });

  it("E32: opening the preferences from the footer is not a prompt: no banner, nothing recorded, no cookie", async () => {
    const record = vi.spyOn(ledger, "recordDecision");
    const response = await req("GET /it/cookie", { headers: { Cookie: await choiceCookie() } });
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await banner(await response.text())).toBeUndefined();
    expect(record).not.toHaveBeenCalled();
  });
});

describe("F. withdrawal", () => {
  it("F33, F35: one click on the preferences withdraws; it is a new record of the same consent id", async () => {
    const record = vi.spyOn(ledger, "recordDecision");
    const cookie = cookieSet(await postConsent("action=accept_all&return=/it/"));
    const withdraw = await elements(
      await get("/it/cookie", cookie),
      "form.consent-withdraw input, form.consent-withdraw button",
    );
    const fields = withdraw
      .map((f) => `${f.attrs.name}=${encodeURIComponent(f.attrs.value!)}`)
      .join("&");
    const response = await postConsent(fields, { headers: { Cookie: cookie } });
    expect(response.status).toBe(303);
    expect(record.mock.calls.map(([, d]) => [d.action, d.consentId])).toEqual([
      ["accept_all", cookie.split(".")[1]],
      ["withdraw", cookie.split(".")[1]],
    ]);
    expect(record.mock.calls[1]![1].categories).toEqual({ necessary: true, media: false });
  });

  it("F34: after withdrawal the embeds are gone again and first-party optional cookies are deleted", async () => {
    const granted = await choiceCookie({ granted: ["media"] });
    const response = await postConsent("action=reject_all&source=preferences&return=/it/cookie", {
      headers: { Cookie: `${granted}; _ga=GA1.1.1; _ga_ABC=GS1; other=1` },
    });
    // _ga cookies belong to analytics, which this deployment does not run: nothing of it is shown,
    // nothing to delete.
    expect(response.headers.getSetCookie().filter((l) => l.startsWith("_ga"))).toEqual([]);
    const body = await get(PROJECT.it, cookieSet(response));
    expect(body).not.toContain("youtube-nocookie");
    expect(await elements(body, "[data-embed-placeholder]")).toHaveLength(1);
  });
});

describe("the answer to the script", () => {
  it("is JSON with what the page needs to update in place, and the same cookie", async () => {
    const response = await postConsent("action=accept_all&return=/it/", {
      headers: { Accept: "application/json" },
    });
    expect(response.status).toBe(200);
    const answer = await response.json<Record<string, unknown>>();
    expect(answer).toMatchObject({
      granted: ["media"],
      embeds: true,
      reload: false,
      consentId: cookieSet(response).split(".")[1],
    });
  });
});
