// Consent enforced server-side: embeds, analytics, the CSP, privacy signals, re-consent.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import consent from "../../content/consent.json";
import { fingerprintConsentScript } from "../../worker/assets/consent-asset.ts";
import * as ledger from "../../worker/consent/record-decision.ts";
import {
  choiceCookie,
  consentConfig,
  cookieSet,
  elements,
  postConsent,
} from "../helpers/consent.ts";
import { ORIGIN, html, realBundle, req, seed, type Requester } from "../helpers/worker.ts";

const PROJECT = "/it/progetti/milano-citta-della-life-sciences";
const VIDEO = "https://www.youtube-nocookie.com/embed/MIfLS2015tv";
const PAGES = ["/it/", "/en/achieved", PROJECT, "/en/cookies", "/it/progetti/nessuno"];

beforeAll(async () => {
  await seed();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const csp = (response: Response) => response.headers.get("Content-Security-Policy") ?? "";
const directive = (response: Response, name: string) =>
  new RegExp(`${name} ([^;]*)`).exec(csp(response))?.[1];
const get = (
  path: string,
  cookie = "",
  send: Requester = req,
  headers: Record<string, string> = {},
) => send(`GET ${path}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });
const hasBanner = async (response: Response) =>
  (await html(response)).includes("data-consent-banner");

// Server-side enforcement on the consent-neutral page: embeds, analytics, the CSP, privacy signals,
// re-consent.
describe("G. embeds and third parties", () => {
  it.each(PAGES)(
    "G39: %s names no third-party origin, in its HTML or its CSP, before consent",
    async (path) => {
      const response = await get(path);
      const body = await response.text();
      expect(csp(response)).not.toMatch(/https?:/);
      // What a browser would fetch: sources, and links other than canonical and alternates (which
      // it never loads).
      const loads = [
        ...(await elements(body, "[src]")),
        ...(await elements(body, "link:not([rel=canonical]):not([rel=alternate])")),
      ];
      const urls = loads.map((e) => new URL(e.attrs.src ?? e.attrs.href ?? "", ORIGIN));
      expect(urls.filter((url) => url.protocol !== "data:" && url.origin !== ORIGIN)).toEqual([]);
    },
  );

  it("G38: a video is a placeholder whose 'allow and play' is a form granting its category, and returns to it", async () => {
    const body = await html(await get(PROJECT));
    expect(body).not.toMatch(/youtube(-nocookie)?\.com/);
    const fields = await elements(body, "form[data-embed-form] input");
    expect(Object.fromEntries(fields.map((f) => [f.attrs.name, f.attrs.value]))).toEqual({
      event: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      action: "save",
      source: "embed",
      return: `${PROJECT}#media-MIfLS2015tv`,
      cat_media: "on",
    });
    const response = await postConsent(
      fields.map((f) => `${f.attrs.name}=${encodeURIComponent(f.attrs.value!)}`).join("&"),
    );
    expect(response.headers.get("Location")).toBe(`${PROJECT}#media-MIfLS2015tv`);
    const after = await get(PROJECT, cookieSet(response));
    expect((await elements(await after.text(), "iframe"))[0]?.attrs.src).toBe(VIDEO);
    expect(directive(after, "frame-src")).toBe("https://www.youtube-nocookie.com");
  });

  it("media granted: privacy-enhanced iframes, and the CSP frames that origin and no other", async () => {
    const response = await get(PROJECT, await choiceCookie({ granted: ["media"] }));
    const frames = await elements(await response.text(), "iframe");
    expect(frames.map((f) => f.attrs.src)).toEqual([VIDEO]);
    expect(frames[0]!.attrs.title).toBe("Meet in Italy 2015 — Servizio Class");
    expect(directive(response, "frame-src")).toBe("https://www.youtube-nocookie.com");
    expect(directive(response, "script-src")).toBe("'none'");
  });

  it("the same-origin frame that swaps a video in place answers only visitors who allowed media", async () => {
    const path = "/consent/embed/youtube/MIfLS2015tv?lang=en&title=Meet%20in%20Italy&autoplay=1";
    expect((await get(path)).status).toBe(403);
    const response = await get(path, await choiceCookie({ granted: ["media"] }));
    expect(response.status).toBe(200);
    expect(csp(response)).toContain("frame-src https://www.youtube-nocookie.com");
    expect(csp(response)).toContain("frame-ancestors 'self'");
    expect(response.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    const frame = (await elements(await response.text(), "iframe"))[0]!;
    expect(frame.attrs).toMatchObject({ src: `${VIDEO}?autoplay=1`, title: "Meet in Italy" });
    expect(
      (await get("/consent/embed/vimeo/123?lang=en", await choiceCookie({ granted: ["media"] })))
        .status,
    ).toBe(404);
  });
});

describe("the CSP and the script, per response", () => {
  it("sends the script, and allows 'self' scripts, only where it has something to do", async () => {
    const script = await fingerprintConsentScript();
    const fresh = await get("/it/");
    expect(await html(fresh)).toContain(`<script src="${script}" defer></script>`);
    expect(directive(fresh, "script-src")).toBe("'self'");
    const decided = await get("/it/", await choiceCookie());
    expect(await html(decided)).not.toContain(script);
    expect(directive(decided, "script-src")).toBe("'none'");
    // A visitor who refused still gets it on a page with a video: its 'allow and play' works
    // in place.
    const video = await get(PROJECT, await choiceCookie());
    expect(await html(video)).toContain(script);
    expect(directive(video, "frame-src")).toBe("'self'");
    expect((await get(script)).status).toBe(200);
  });

  it("keeps the baseline everywhere: no unsafe-inline, frame-ancestors none, object-src none, base-uri none", async () => {
    for (const cookie of ["", await choiceCookie({ granted: ["media"] })]) {
      const policy = csp(await get(PROJECT, cookie));
      expect(policy).not.toContain("unsafe");
      for (const part of [
        "default-src 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ]) {
        expect(policy).toContain(part);
      }
    }
  });
});

describe("F36, F37: browser privacy signals", () => {
  it.each([
    ["Sec-GPC", "gpc"],
    ["DNT", "dnt"],
  ])(
    "%s: 1 keeps everything optional off, says so, and the decision notes it",
    async (header, signal) => {
      const body = await html(await get("/en/cookies", "", req, { [header]: "1" }));
      expect(body).toContain(consent.texts.en.banner.signalNotice);
      expect((await elements(body, "[data-consent-signal]"))[0]!.attrs).not.toHaveProperty(
        "hidden",
      );
      expect((await elements(body, "input[name=cat_media]"))[0]!.attrs).not.toHaveProperty(
        "checked",
      );
      const record = vi.spyOn(ledger, "recordDecision");
      await postConsent("action=reject_all&return=/en/", { headers: { [header]: "1" } });
      expect(record.mock.calls[0]![1].signals).toEqual([signal]);
    },
  );

  it("only the value 1 is a signal", async () => {
    const record = vi.spyOn(ledger, "recordDecision");
    await postConsent("action=reject_all&return=/en/", { headers: { "Sec-GPC": "0", DNT: "yes" } });
    expect(record.mock.calls[0]![1].signals).toEqual([]);
  });
});

describe("E30, E31: a new service or purpose asks again; a new wording does not", () => {
  it("E30: adding a third party re-prompts, and the earlier grants count for nothing (reset to denied)", async () => {
    const granted = await choiceCookie({ granted: ["media"] });
    expect(await hasBanner(await get(PROJECT, granted))).toBe(false);
    await seed({
      ...realBundle(),
      consent: consentConfig((config) => {
        config.categories.push({
          ...config.categories[2]!,
          id: "maps",
          purposes: ["map-embedding"],
        });
        config.services.push({
          ...config.services[0]!,
          id: "osm",
          category: "maps",
          provider: "OpenStreetMap Foundation",
        });
      }),
    });
    try {
      const response = await get(PROJECT, granted);
      const body = await html(response);
      expect(body).toContain("data-consent-banner");
      expect(body).not.toContain("youtube-nocookie");
      expect(directive(response, "frame-src")).toBe("'self'");
    } finally {
      await seed();
    }
  });

  it("E31: rewording the banner, the policy and the tables re-prompts no one", async () => {
    const granted = await choiceCookie({ granted: ["media"] });
    await seed({
      ...realBundle(),
      consent: consentConfig((config) => {
        config.texts.it.banner.title = "I cookie di Far volare Milano";
        config.texts.it.policy.sections[0]!.paragraphs[0] = "Testo riscritto.";
        config.services[2]!.cookies[0]!.purpose.it = "Identifica la sessione di visione.";
        config.texts.it.preferences.durations.session = "Fino alla fine della sessione";
      }),
    });
    try {
      const body = await html(await get(PROJECT, granted));
      expect(body).not.toContain("data-consent-banner");
      expect(body).toContain("youtube-nocookie");
    } finally {
      await seed();
    }
  });
});
