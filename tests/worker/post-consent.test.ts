// POST /consent through the log: a record before any cookie; GET /consent/log/head and /receipt.
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sha256Hex } from "../../lib/bytes.ts";
import { parseExport } from "../../worker/ledger/export-parse.ts";
import type { RecordRow } from "../../worker/ledger/log-store.ts";
import { importPublicKeys, verifyHeadSignature } from "../../worker/ledger/signing.ts";
import { verifyExport } from "../../worker/ledger/verify.ts";
import { listShownCategories } from "../../worker/consent/policy-version.ts";
import { hashShownMarkup, renderShownMarkup } from "../../worker/consent/shown-markup.ts";
import { consentView, elements } from "../helpers/consent.ts";
import {
  clearLedger,
  degradeLog,
  exportLog,
  failingD1,
  logPublicKey,
  verifyLog,
} from "../helpers/ledger.ts";
import { ORIGIN, req, seed } from "../helpers/worker.ts";

const VISITOR = {
  "CF-Connecting-IP": "203.0.113.77",
  "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0",
  Origin: ORIGIN,
};

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return {
    method: "POST",
    headers: { ...VISITOR, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

const rows = async () =>
  (await env.LEDGER.prepare("SELECT * FROM consent_records ORDER BY seq").all<RecordRow>()).results;
const exportShown = async () =>
  parseExport(await exportLog()).entries.map((e) =>
    e.entry?.type === "record" ? e.entry.record.shownHash : null,
  );
const consentCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => /consent/i.test(c) && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c));

beforeAll(() => seed());
beforeEach(() => clearLedger(env.LEDGER));

// POST /consent through the log: every decision is a record before any cookie; no record, no
// cookie. The public head URL, and the receipt a visitor downloads from their cookie.
describe("every decision appends a record before the cookie is set", () => {
  it("D23: accept, reject, X, save and withdrawal each add one record, earlier ones kept; the log verifies", async () => {
    const accept = await req("POST /consent", post({ action: "accept_all", return: "/it/" }));
    expect(accept.status).toBe(303);
    const cookie = consentCookie(accept)!;
    expect(cookie).toBeDefined();
    const withCookie = { Cookie: cookie.split(";")[0]! };
    await req("POST /consent", post({ action: "close", return: "/en/" }));
    await req(
      "POST /consent",
      post({ action: "save", cat_media: "on", source: "preferences", return: "/en/cookies" }),
    );
    await req("POST /consent", post({ action: "reject_all", return: "/it/" }));
    const withdrawal = await req(
      "POST /consent",
      post({ action: "reject_all", source: "preferences", return: "/it/cookie" }, withCookie),
    );
    expect(withdrawal.status).toBe(303);
    const stored = await rows();
    expect(stored.map((r) => [r.action, r.method, r.locale])).toEqual([
      ["accept_all", "banner", "it"],
      ["close", "banner_close", "en"],
      ["save", "preferences", "en"],
      ["reject_all", "banner", "it"],
      ["withdraw", "preferences", "it"],
    ]);
    // The withdrawal belongs to the same pseudonymous id as the grant it takes back.
    expect(stored[4]!.consent_id).toBe(stored[0]!.consent_id);
    expect(JSON.parse(stored[0]!.categories)).toMatchObject({ necessary: true, media: true });
    expect(JSON.parse(stored[2]!.categories)).toMatchObject({ necessary: true, media: true });
    expect(JSON.parse(stored[3]!.categories)).toMatchObject({ necessary: true, media: false });
    const report = await verifyLog();
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ verdict: "valid", records: 5 });
  });

  it("records the policy version and the hash of the exact texts shown, archived for the dashboard", async () => {
    await req("POST /consent", post({ action: "reject_all", return: "/en/" }));
    const [record] = await rows();
    const archived = await env.LEDGER.prepare("SELECT * FROM consent_texts WHERE texts_hash = ?1")
      .bind(record!.texts_hash)
      .first<{ texts: string; policy_version: string; locale: string }>();
    expect(archived).toMatchObject({ policy_version: record!.policy_version, locale: "en" });
    expect(await sha256Hex(archived!.texts)).toBe(record!.texts_hash);
    expect(record!.policy_version).toMatch(/^[0-9a-f]{12}$/);
  });

  it("D24: records the hash of the exact banner, preferences, stylesheet and script served for its locale and policy", async () => {
    await req("POST /consent", post({ action: "reject_all", return: "/en/" }));
    await req("POST /consent", post({ action: "accept_all", return: "/it/" }));
    await req(
      "POST /consent",
      post({ action: "save", cat_media: "on", source: "preferences", return: "/it/cookie" }),
    );
    const [en, it1, it2] = await rows();
    const expected = async (locale: "it" | "en", version: string) => {
      const view = consentView(locale);
      return (
        await hashShownMarkup(renderShownMarkup(view, listShownCategories(view, env), version))
      ).hash;
    };
    expect(en!.shown_hash).toBe(await expected("en", en!.policy_version));
    expect(it1!.shown_hash).toBe(await expected("it", it1!.policy_version));
    expect(it2!.shown_hash).toBe(it1!.shown_hash);
    expect(en!.shown_hash).not.toBe(it1!.shown_hash);
    // In the proven record: the export carries it and the log verifies.
    expect(await exportShown()).toEqual([en!.shown_hash, it1!.shown_hash, it2!.shown_hash]);
    expect((await verifyLog()).verdict).toBe("valid");
  });

  it("notes a Global Privacy Control or Do Not Track signal on the record", async () => {
    await req(
      "POST /consent",
      post({ action: "accept_all", return: "/it/" }, { "Sec-GPC": "1", DNT: "1" }),
    );
    expect(JSON.parse((await rows())[0]!.signals)).toEqual(["dnt", "gpc"]);
  });

  it("D26: stores no IP address, no user agent, no return URL", async () => {
    await req(
      "POST /consent",
      post({ action: "accept_all", return: "/it/progetti/milano-citta-della-life-sciences" }),
    );
    const text = JSON.stringify(await rows());
    expect(text).not.toContain("203.0.113.77");
    expect(text).not.toContain("TestBrowser");
    expect(text).not.toContain("life-sciences");
  });
});

describe("when the log cannot store the decision", () => {
  it("the visitor gets a localized 503 with the banner again, and no consent cookie", async () => {
    const restore = await degradeLog((db) => failingD1(db));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await req("POST /consent", post({ action: "accept_all", return: "/it/" }));
    await restore();
    // One failure, one log line, naming its cause.
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(
      /"request_failed".*D1_ERROR: simulated outage/,
    );
    errors.mockRestore();
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBeTruthy();
    expect(consentCookie(res)).toBeUndefined();
    const body = await res.text();
    expect(body).toContain("Non siamo riusciti a salvare la tua scelta");
    expect(body).toMatch(/<form[^>]+action="\/consent"/);
    expect(await rows()).toEqual([]);
  });
});

describe("GET /consent/log/head", () => {
  it("serves the latest signed head and the public key, publicly cacheable, to anyone", async () => {
    await req("POST /consent", post({ action: "accept_all", return: "/it/" }));
    await req("POST /consent", post({ action: "reject_all", return: "/it/" }));
    const res = await req("GET /consent/log/head");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = await res.json<{ treeHead: { size: number }; publicKey: string }>();
    expect(body.publicKey).toBe(logPublicKey());
    expect(body.treeHead.size).toBe(2);
    expect(
      await verifyHeadSignature(await importPublicKeys([body.publicKey]), body.treeHead as never),
    ).toBe(true);
  });
});

describe("GET /consent/receipt", () => {
  it("gives the cookie's latest record as a file, with its proof and a signed head, that verifies offline", async () => {
    const accept = await req("POST /consent", post({ action: "accept_all", return: "/it/" }));
    await req("POST /consent", post({ action: "close", return: "/it/" }));
    const cookie = consentCookie(accept)!.split(";")[0]!;
    const res = await req("GET /consent/receipt", { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="consent-receipt-[\w-]+\.json"$/,
    );
    const text = await res.text();
    const receipt = JSON.parse(text) as {
      piiPrincipalId: string;
      action: string;
      version: string;
      services: { service: string; purposes: { granted: boolean }[] }[];
    };
    expect(receipt).toMatchObject({
      version: "KI-CR-v1.1.0",
      action: "accept_all",
      piiPrincipalId: (await rows())[0]!.consent_id,
    });
    expect(receipt.services.find((s) => s.service === "media")?.purposes[0]?.granted).toBe(true);
    const report = await verifyExport({
      parsed: parseExport(text),
      keys: await importPublicKeys([logPublicKey()]),
    });
    expect(report.problems).toEqual([]);
    expect(report.verdict).toBe("valid");
  });

  it("the preferences page links to it, a plain link that works without JavaScript", async () => {
    const accept = await req("POST /consent", post({ action: "accept_all", return: "/it/" }));
    const cookie = consentCookie(accept)!.split(";")[0]!;
    const page = await (await req("GET /it/cookie", { headers: { Cookie: cookie } })).text();
    const [link] = await elements(page, "a[data-consent-receipt-file]");
    expect(link?.attrs.href).toBe("/consent/receipt");
    const file = await req(`GET ${link!.attrs.href}`, { headers: { Cookie: cookie } });
    expect(file.status).toBe(200);
    expect(await file.json()).toMatchObject({
      type: "far-volare-consent-receipt",
      action: "accept_all",
    });
  });

  it("without a cookie of ours: a 404 that says there is no receipt", async () => {
    const res = await req("GET /consent/receipt", {
      headers: { Cookie: "fvm_consent=forged.value" },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("no receipt");
  });
});
