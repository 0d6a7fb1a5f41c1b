// POST /consent: read the form, record the decision, then (only then) set the signed cookie and
// go back.
import type { RequestScope } from "../request-scope.ts";
import { HttpError, retryAfter } from "../http/errors.ts";
import { localeOfPath, negotiateLocale } from "../http/locale.ts";
import { applySecurityHeaders } from "../http/security-headers.ts";
import type { Choice } from "./choice-encoding.ts";
import {
  serializeChoiceCookie,
  nameConsentCookie,
  serializeExpiredCookie,
  readCookieNames,
  sealChoice,
} from "./cookie.ts";
import { decide, collectGrants } from "./decide.ts";
import { type ConsentForm, parseConsentForm } from "./parse-consent-form.ts";
import { assertSameOrigin, readFormFields } from "./read-form-fields.ts";
import { deriveEventId } from "./event-id.ts";
import { nonceKey, openNonce } from "./nonce.ts";
import { recordDecision } from "./record-decision.ts";
import { enforceConsentRateLimit } from "./consent-rate-limit.ts";
import { findCategories, findDeniedCookies } from "./policy-version.ts";
import { type ConsentSetup, loadConsentSetup } from "./load-consent-setup.ts";
import { loadShownHash } from "./shown-markup.ts";
import { type Visitor, loadConsentKey, readVisitor } from "./read-visitor.ts";

export async function handleConsentPost(request: Request, scope: RequestScope): Promise<Response> {
  await enforceConsentRateLimit(request, scope.env);
  assertSameOrigin(request.headers, [new URL(request.url).origin, scope.origin]);
  const fields = await readFormFields(request);
  const locale =
    localeOfPath(fields.get("return") ?? "") ??
    negotiateLocale(request.headers.get("Accept-Language"));
  const setup = await loadConsentSetup(scope.store, locale, scope.env);
  const parsed = parseConsentForm(fields, setup.optional);
  if ("problem" in parsed) {
    throw new HttpError(
      400,
      `Invalid consent form: ${parsed.problem.field} ${parsed.problem.message}`,
      { kind: "consentRefused" },
    );
  }
  const key = await loadConsentKey(scope.env);
  if (!key) throw notSaved(new Error("CONSENT_SECRET is missing or too short"));
  const visitor = await readVisitor(request, setup, scope.env);
  // Only a nonce this server issued, recently, can make the post a retry of an earlier one.
  const signedNonce = openNonce(parsed.form.nonce, nonceKey(scope.env.CONSENT_SECRET)!) !== null;
  const ids = {
    eventId: await deriveEventId(parsed.form, visitor.status, signedNonce),
    consentId: crypto.randomUUID(),
  };
  const decision = {
    ...decide(parsed.form, {
      setup,
      previous: visitor.status,
      signals: visitor.signals,
      locale,
      ids,
    }),
    shownHash: await loadShownHash(setup),
  };
  const recorded = await recordDecision(scope.env, decision).catch((error: unknown) => {
    throw notSaved(error);
  });
  const choice: Choice = {
    consentId: recorded.consentId,
    policyVersion: setup.policyVersion,
    granted: collectGrants(parsed.form, setup.optional),
    decidedAt: Math.floor(Date.parse(recorded.recordedAt) / 1000),
  };
  const headers = await buildCookieHeaders(request, scope.env, key, choice, setup);
  return respond(request, parsed.form, headers, summarize(choice, visitor, setup));
}

/** The signed choice, and the deletion of every first-party cookie of a category now denied. */
async function buildCookieHeaders(
  request: Request,
  env: Env,
  key: CryptoKey,
  choice: Choice,
  setup: ConsentSetup,
): Promise<Headers> {
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append(
    "Set-Cookie",
    serializeChoiceCookie(nameConsentCookie(env.ENVIRONMENT), await sealChoice(choice, key)),
  );
  for (const name of findDeniedCookies(
    setup.categories,
    choice.granted,
    readCookieNames(request.headers.get("Cookie")),
  )) {
    headers.append("Set-Cookie", serializeExpiredCookie(name));
  }
  return headers;
}

/** What the progressive-enhancement script needs to update the page in place. */
function summarize(choice: Choice, visitor: Visitor, setup: ConsentSetup) {
  const before = visitor.status.kind === "valid" ? visitor.status.choice.granted : [];
  const scripted = findCategories(setup.categories, (s) => Boolean(s.origins.script?.length));
  const embedded = findCategories(setup.categories, (s) => Boolean(s.embeds));
  return {
    consentId: choice.consentId,
    decidedAt: new Date(choice.decidedAt * 1000).toISOString(),
    granted: choice.granted,
    // Embeds can be swapped in place; a page whose scripts or frames must go (or whose scripts must
    // come) reloads.
    embeds: choice.granted.some((id) => embedded.includes(id)),
    reload:
      before.some((id) => !choice.granted.includes(id)) ||
      choice.granted.some((id) => scripted.includes(id) && !before.includes(id)),
  };
}

function respond(request: Request, form: ConsentForm, headers: Headers, body: object): Response {
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  let response: Response;
  if (wantsJson) {
    response = Response.json(body, { status: 200, headers });
  } else {
    headers.set("Location", form.returnTo);
    response = new Response(null, { status: 303, headers });
  }
  applySecurityHeaders(response.headers);
  return response;
}

/**
 * The one mapping of a decision not recorded (a LedgerError, a missing secret) to the visitor's
 * 503: the error page asks again. Not logged here: the error page's handler writes the failure's
 * one log line, with this cause.
 */
function notSaved(cause: unknown): HttpError {
  return new HttpError(503, "Your choice could not be recorded", {
    cause,
    kind: "consentNotSaved",
    headers: retryAfter("consent"),
  });
}
