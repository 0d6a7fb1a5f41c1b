// POST /consent through the ledger: every decision is a record before any cookie; no record, no cookie.
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../worker/ledger/canonical.ts";
import type { RecordRow } from "../../worker/ledger/store.ts";
import { clearLedger, failingD1 } from "../helpers/ledger.ts";
import { readLedgerEntries } from "../helpers/ledger-read.ts";
import { ORIGIN, freshWorker, req, seed } from "../helpers/worker.ts";
import { verifyLedger } from "../../worker/ledger/verify.ts";

const VISITOR = { "CF-Connecting-IP": "203.0.113.77", "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0", Origin: ORIGIN };

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return { method: "POST", headers: { ...VISITOR, "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields).toString() };
}

const rows = async () => (await env.LEDGER.prepare("SELECT * FROM consent_records ORDER BY seq").all<RecordRow>()).results;
const consentCookie = (res: Response) => res.headers.getSetCookie().find((c) => /consent/i.test(c) && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c));

beforeAll(() => seed());
beforeEach(() => clearLedger(env.LEDGER));

describe("every decision appends a record before the cookie is set", () => {
  it("accept, reject, X, save and withdrawal each add one record, earlier ones kept", async () => {
    const accept = await req("POST /consent", post({ action: "accept_all", return: "/it/" }));
    expect(accept.status).toBe(303);
    const cookie = consentCookie(accept)!;
    expect(cookie).toBeDefined();
    const withCookie = { Cookie: cookie.split(";")[0]! };
    await req("POST /consent", post({ action: "close", return: "/en/" }));
    await req("POST /consent", post({ action: "save", cat_media: "on", source: "preferences", return: "/en/cookies" }));
    await req("POST /consent", post({ action: "reject_all", return: "/it/" }));
    const withdrawal = await req("POST /consent", post({ action: "reject_all", source: "preferences", return: "/it/cookie" }, withCookie));
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
    const { entries, checkpoints } = await readLedgerEntries(env.LEDGER);
    expect((await verifyLedger({ entries, checkpoints, scope: "complete", keys: null })).problems).toEqual([]);
  });

  it("records the policy version and the hash of the exact texts shown, archived for the dashboard", async () => {
    await req("POST /consent", post({ action: "reject_all", return: "/en/" }));
    const [record] = await rows();
    const archived = await env.LEDGER.prepare("SELECT * FROM consent_texts WHERE texts_hash = ?1").bind(record!.texts_hash).first<{ texts: string; policy_version: string; locale: string }>();
    expect(archived).toMatchObject({ policy_version: record!.policy_version, locale: "en" });
    expect(await sha256Hex(archived!.texts)).toBe(record!.texts_hash);
    expect(record!.policy_version).toMatch(/^[0-9a-f]{12}$/);
  });

  it("notes a Global Privacy Control or Do Not Track signal on the record", async () => {
    await req("POST /consent", post({ action: "accept_all", return: "/it/" }, { "Sec-GPC": "1", DNT: "1" }));
    expect(JSON.parse((await rows())[0]!.signals)).toEqual(["dnt", "gpc"]);
  });

  it("stores no IP address, no user agent, no return URL", async () => {
    await req("POST /consent", post({ action: "accept_all", return: "/it/progetti/milano-citta-della-life-sciences" }));
    const text = JSON.stringify(await rows());
    expect(text).not.toContain("203.0.113.77");
    expect(text).not.toContain("TestBrowser");
    expect(text).not.toContain("life-sciences");
  });
});

describe("when the ledger cannot store the decision", () => {
  it("the visitor gets a localized 503 with the banner again, and no consent cookie", async () => {
    const broken = await freshWorker({ LEDGER: failingD1(env.LEDGER) });
    const res = await broken("POST /consent", post({ action: "accept_all", return: "/it/" }));
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBeTruthy();
    expect(consentCookie(res)).toBeUndefined();
    const body = await res.text();
    expect(body).toContain("Non siamo riusciti a salvare la tua scelta");
    expect(body).toMatch(/<form[^>]+action="\/consent"/);
    expect(await rows()).toEqual([]);
  });
});
