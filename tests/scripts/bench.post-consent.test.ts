// Bursts of simultaneous POST /consent, some hanging up: always a recorded 303 or a 429/503.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Departure,
  type PostOutcome,
  decisionBody,
  postConsent,
  visitorAddress,
} from "../../bench/lib/consent-burst.ts";
import { isServerFailure, readLoggedStatus } from "../../bench/lib/logged-status.ts";
import type { ServedSite } from "../../scripts/lib/serve-bundle.ts";
import { serveBuilt } from "../helpers/site.ts";
import { importConsentKey, nameConsentCookie, openChoice } from "../../worker/consent/cookie.ts";

const ROUNDS = 4;
const BURST = 60;
const SINGLES = 3;
/**
 * A post unanswered this long is a broken endpoint to a visitor (issue 10 saw posts that
 * never answered).
 */
const TIMEOUT_MS = 6_000;
/**
 * After a burst, the endpoint must record a single decision within this long
 * (Retry-After honoured).
 */
const RECOVERY_MS = 8_000;
const SECRET = "load-consent-test-secret-0123456789abcdefghij";

/**
 * Every 4th visitor hangs up 0–5 ms after sending its form, every 7th halfway through sending it.
 */
function departureOf(i: number): Departure {
  if (i % 7 === 3) return { kind: "mid-body" };
  if (i % 4 === 1) return { kind: "after-send", afterMs: i % 6 };
  return { kind: "stay" };
}

// Posts go to workerd's own socket (ServedSite.directUrl), nothing but the Worker in between. A
// visitor hanging up halfway through the form reaches the Worker as a failed body read; one hanging
// up after sending it does not cancel the request here (local workerd runs it to the end, where
// Cloudflare's edge cancels it), but its answer goes unread.
let site: ServedSite;
const runtimeErrors: string[] = [];
/**
 * Requests the Worker itself logged as failed with a 5xx other than a deliberate 503, answered
 * or not.
 */
const serverErrors: string[] = [];

beforeAll(async () => {
  site = await serveBuilt({
    bindings: { CONSENT_SECRET: SECRET },
    onLog: (level, message) => {
      if (level === "error" && runtimeErrors.length < 50) runtimeErrors.push(message.slice(0, 300));
      if (isServerFailure(readLoggedStatus(message))) serverErrors.push(message.slice(0, 300));
    },
  });
});

afterAll(async () => {
  await site?.close();
});

type Answer = Extract<PostOutcome, { kind: "answered" }>;
const isDeliberateRefusal = (a: Answer) =>
  (a.status === 429 || a.status === 503) && a.retryAfter !== null;

/**
 * The consent id in a 303's cookie, checked against the test's secret; null if the cookie is
 * missing or forged.
 */
async function consentIdOf(answer: Answer): Promise<string | null> {
  const name = nameConsentCookie(undefined);
  const value = answer.setCookie
    .map((line) => line.split(";")[0]!)
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  const choice = value ? await openChoice(value, await importConsentKey(SECRET)) : null;
  return choice?.consentId ?? null;
}

/**
 * Posts one decision at a time until one is recorded (303), waiting out each Retry-After, up
 * to RECOVERY_MS.
 */
async function postUntilRecorded(
  i: number,
  answers: Answer[],
  problems: string[],
): Promise<boolean> {
  const deadline = Date.now() + RECOVERY_MS;
  while (Date.now() < deadline) {
    const outcome = await postConsent(site.directUrl, {
      body: decisionBody(i),
      timeoutMs: TIMEOUT_MS,
      client: visitorAddress(i),
    });
    if (outcome.kind !== "answered") {
      problems.push(
        `single post ${i}: ${outcome.kind === "error" ? outcome.message : outcome.kind}`,
      );
      return false;
    }
    answers.push(outcome);
    if (outcome.status === 303) return true;
    if (!isDeliberateRefusal(outcome)) return false;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(Number(outcome.retryAfter) * 1000 || 1000, 2000)),
    );
  }
  problems.push(`single post ${i}: not recorded within ${RECOVERY_MS} ms of the burst`);
  return false;
}

// Proves: bursts of 60 simultaneous consent posts, some visitors hanging up mid-request, never
// break POST /consent: every answer is a 303 whose cookie has its ledger record, or a deliberate
// 429/503 with Retry-After, single posts after each burst are recorded, and the Worker logs no 500
// for any post, read or not.
describe("POST /consent under bursts with visitors hanging up", () => {
  it(`keeps recording through ${ROUNDS} bursts of ${BURST}`, { timeout: 45_000 }, async () => {
    const answers: Answer[] = [];
    const problems: string[] = [];
    let left = 0;
    let sent = 0;
    for (let round = 0; round < ROUNDS && problems.length === 0; round++) {
      const burst = await Promise.all(
        Array.from({ length: BURST }, (_, k) =>
          postConsent(site.directUrl, {
            body: decisionBody(sent + k),
            departure: departureOf(k),
            timeoutMs: TIMEOUT_MS,
            client: visitorAddress(sent + k),
          }),
        ),
      );
      sent += BURST;
      for (const outcome of burst) {
        if (outcome.kind === "answered") answers.push(outcome);
        else if (outcome.kind === "left") left++;
        else problems.push(`round ${round + 1} burst: ${outcome.message}`);
      }
      for (let s = 0; s < SINGLES && problems.length === 0; s++) {
        if (!(await postUntilRecorded(sent++, answers, problems)))
          problems.push(
            `round ${round + 1}: the endpoint did not record a single post after the burst`,
          );
      }
    }

    const recorded = new Set(
      (
        (
          await (
            await site.mf.getD1Database("LEDGER")
          )
            .prepare("SELECT consent_id FROM consent_records")
            .all<{ consent_id: string }>()
        ).results ?? []
      ).map((row) => row.consent_id),
    );
    const statuses: Record<number, number> = {};
    for (const answer of answers) {
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.status === 303) {
        const id = await consentIdOf(answer);
        if (!id) problems.push("a 303 without a valid consent cookie");
        else if (!recorded.has(id))
          problems.push(`a 303 whose consent id ${id} has no ledger record`);
      } else if (!isDeliberateRefusal(answer)) {
        problems.push(
          `${answer.status}${answer.retryAfter ? "" : " without Retry-After"}: ${answer.body.slice(0, 160)}`,
        );
      }
    }
    const ok = statuses[303] ?? 0;
    const report =
      `${answers.length} answered (${JSON.stringify(statuses)}), ${left} hung up, ${recorded.size} ledger records\n` +
      `the Worker logged ${serverErrors.length} requests as 5xx (not a deliberate 503), e.g. ${serverErrors[0] ?? "none"}\n` +
      `problems (${problems.length}):\n  ${[...new Set(problems)].slice(0, 8).join("\n  ")}\n` +
      `workerd errors:\n  ${[...new Set(runtimeErrors)].slice(0, 5).join("\n  ")}`;
    console.log(report);
    expect(problems, report).toEqual([]);
    // A visitor who hangs up mid-form sent bad input: the Worker answers it (to nobody) with a 4xx,
    // never a 500 that pages an operator; the Worker's own request log shows what it answered even
    // when nobody read it.
    expect(serverErrors.length, report).toBe(0);
    // A record for every cookie given, and none beyond the visitors who left before their
    // answer came.
    expect(recorded.size, report).toBeGreaterThanOrEqual(ok);
    expect(recorded.size, report).toBeLessThanOrEqual(ok + left);
  });
});
