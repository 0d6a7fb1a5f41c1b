// POST /consent retried is one record; any other decision is a new record.
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearLedger, countRecords } from "../helpers/ledger.ts";
import { cookieSet, postConsent } from "../helpers/consent.ts";
import { req, seed } from "../helpers/worker.ts";
import { NONCE_TTL_SECONDS, issueNonce, nonceKey } from "../../worker/consent/nonce.ts";

beforeAll(() => seed());
beforeEach(() => clearLedger(env.LEDGER));

/** The nonce every consent form of a page carries, as a visitor's browser would submit it. */
async function nonceOf(path: string, cookie?: string): Promise<string> {
  const html = await (
    await req(`GET ${path}`, { headers: cookie ? { Cookie: cookie } : {} })
  ).text();
  const nonces = [
    ...html.matchAll(
      /<form method="post" action="\/consent"[^>]*><input type="hidden" name="event" value="([^"]+)"/g,
    ),
  ].map((m) => m[1]);
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces).size).toBe(1);
  return nonces[0]!;
}

const consentIdOf = (response: Response) => cookieSet(response).split("=")[1]!;

// Retries are idempotent: the same submission twice is one record; any other decision is a new
// record.
describe("a consent form submitted twice", () => {
  it("every consent form of a page carries the page view's nonce, and each page view gets a new one", async () => {
    const first = await nonceOf("/it/progetti/milano-citta-della-life-sciences");
    const second = await nonceOf("/it/progetti/milano-citta-della-life-sciences");
    expect(first).not.toBe(second);
  });

  it("stores one record, and both answers carry the same choice", async () => {
    const event = await nonceOf("/it/");
    const body = new URLSearchParams({ event, action: "accept_all", return: "/it/" }).toString();
    const [one, two] = [await postConsent(body), await postConsent(body)];
    expect([one.status, two.status]).toEqual([303, 303]);
    expect(await countRecords()).toBe(1);
    expect(consentIdOf(two)).toBe(consentIdOf(one));
  });

  it("stores one record when the retries race each other", async () => {
    const event = await nonceOf("/en/");
    const body = new URLSearchParams({ event, action: "reject_all", return: "/en/" }).toString();
    const answers = await Promise.all(Array.from({ length: 5 }, () => postConsent(body)));
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303, 303]);
    expect(await countRecords()).toBe(1);
  });

  it("a different choice from the same page is a new record", async () => {
    const event = await nonceOf("/it/");
    await postConsent(
      new URLSearchParams({ event, action: "accept_all", return: "/it/" }).toString(),
    );
    await postConsent(
      new URLSearchParams({ event, action: "reject_all", return: "/it/" }).toString(),
    );
    expect(await countRecords()).toBe(2);
  });

  it("the same choice again after another decision (an old page from the browser's history) is a new record", async () => {
    const pageA = await nonceOf("/it/");
    const accept = await postConsent(
      new URLSearchParams({ event: pageA, action: "accept_all", return: "/it/" }).toString(),
    );
    const afterAccept = cookieSet(accept);
    const pageB = await nonceOf("/it/cookie", afterAccept);
    const reject = await postConsent(
      new URLSearchParams({
        event: pageB,
        action: "reject_all",
        source: "preferences",
        return: "/it/cookie",
      }).toString(),
      {
        headers: { Cookie: afterAccept },
      },
    );
    const again = await postConsent(
      new URLSearchParams({ event: pageA, action: "accept_all", return: "/it/" }).toString(),
      {
        headers: { Cookie: cookieSet(reject) },
      },
    );
    expect(again.status).toBe(303);
    const actions = (
      await env.LEDGER.prepare("SELECT action FROM consent_records ORDER BY seq").all<{
        action: string;
      }>()
    ).results;
    expect(actions.map((r) => r.action)).toEqual(["accept_all", "withdraw", "accept_all"]);
  });

  it("a nonce the server did not sign is no retry: the same post twice is two records", async () => {
    const made = "A".repeat(32);
    const body = new URLSearchParams({
      event: made,
      action: "accept_all",
      return: "/it/",
    }).toString();
    const [one, two] = [await postConsent(body), await postConsent(body)];
    expect([one.status, two.status]).toEqual([303, 303]);
    expect(await countRecords()).toBe(2);
    expect(consentIdOf(two)).not.toBe(consentIdOf(one));
  });

  it("a signed nonce past its lifetime is no retry either", async () => {
    const key = nonceKey((env as { CONSENT_SECRET?: string }).CONSENT_SECRET)!;
    const stale = issueNonce(key, Date.now() - (NONCE_TTL_SECONDS + 60) * 1000);
    const body = new URLSearchParams({
      event: stale,
      action: "reject_all",
      return: "/en/",
    }).toString();
    await postConsent(body);
    await postConsent(body);
    expect(await countRecords()).toBe(2);
  });

  it("accept, withdraw, clear cookies, replay the first accept's form: a new record, and the cookie matches the log's last record", async () => {
    const page = await nonceOf("/it/");
    const form = new URLSearchParams({
      event: page,
      action: "accept_all",
      return: "/it/",
    }).toString();
    const accept = await postConsent(form);
    const withdraw = await postConsent(
      new URLSearchParams({
        event: await nonceOf("/it/cookie", cookieSet(accept)),
        action: "reject_all",
        source: "preferences",
        return: "/it/cookie",
      }).toString(),
      {
        headers: { Cookie: cookieSet(accept) },
      },
    );
    expect(withdraw.status).toBe(303);
    // Cookies cleared; the page comes back from the browser's cache with the same nonce, and the
    // same form is sent.
    const replay = await postConsent(form);
    expect(replay.status).toBe(303);
    const records = (
      await env.LEDGER.prepare(
        "SELECT seq, event_id, consent_id, action FROM consent_records ORDER BY seq",
      ).all<{ seq: number; event_id: string; consent_id: string; action: string }>()
    ).results;
    expect(records.map((r) => r.action)).toEqual(["accept_all", "withdraw", "accept_all"]);
    expect(cookieSet(replay)).not.toBe(cookieSet(accept));
    // The replay is its own decision: a fresh event id and, for a browser without a cookie, a fresh
    // consent id, whose last record is the grant the browser now holds.
    expect(records[2]!.event_id).not.toBe(records[0]!.event_id);
    const idInCookie = (response: Response) => consentIdOf(response).split(".")[1];
    expect(idInCookie(replay)).toBe(records[2]!.consent_id);
    expect(records[2]!.consent_id).not.toBe(records[0]!.consent_id);
    expect(idInCookie(accept)).toBe(records[1]!.consent_id);
  });

  it("a malformed nonce is a 400 that records nothing", async () => {
    const res = await postConsent(
      new URLSearchParams({ event: "<x>", action: "accept_all", return: "/it/" }).toString(),
    );
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await countRecords()).toBe(0);
  });
});
