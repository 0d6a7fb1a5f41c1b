// POST /consent: read the form, record the decision, then (only then) set the signed cookie and go back.
import type { RequestScope } from "../router.ts";
import { HttpError } from "../http/errors.ts";
import { localeOfPath, negotiateLocale } from "../http/locale.ts";
import { applySecurityHeaders } from "../http/security-headers.ts";
import type { Choice } from "./choice.ts";
import { choiceSetCookie, consentCookieName, expiredSetCookie, readCookieNames, sealChoice } from "./cookie.ts";
import { decide, grantedByForm } from "./decision.ts";
import { type ConsentForm, parseConsentForm } from "./form.ts";
import { assertSameOrigin, readFormFields } from "./form-request.ts";
import { type ConsentDecision, recordDecision } from "./ledger.ts";
import { deniedCookieNames } from "./policy.ts";
import { type ConsentSetup, loadConsentSetup } from "./setup.ts";
import { type Visitor, consentKeyOf, readVisitor } from "./visitor.ts";

const RETRY_AFTER_SECONDS = "5";

export async function handleConsentPost(request: Request, scope: RequestScope): Promise<Response> {
  assertSameOrigin(request.headers, [new URL(request.url).origin, scope.origin]);
  const fields = await readFormFields(request);
  const locale = localeOfPath(fields.get("return") ?? "") ?? negotiateLocale(request.headers.get("Accept-Language"));
  const setup = await loadConsentSetup(scope.store, locale, scope.env);
  const parsed = parseConsentForm(fields, setup.optional);
  if ("problem" in parsed) {
    throw new HttpError(400, `Invalid consent form: ${parsed.problem.field} ${parsed.problem.message}`, { kind: "consentRefused" });
  }
  const key = await consentKeyOf(scope.env);
  if (!key) throw notSaved(new Error("CONSENT_SECRET is missing or too short"));
  const visitor = await readVisitor(request, setup, scope.env);
  const decision = decide(parsed.form, {
    setup,
    previous: visitor.status,
    signals: visitor.signals,
    locale,
    ids: { eventId: crypto.randomUUID(), consentId: crypto.randomUUID() },
  });
  const recorded = await recordDecision(scope.env, decision).catch((error: unknown) => {
    throw notSaved(error);
  });
  const granted = grantedByForm(parsed.form, setup.optional);
  const choice: Choice = {
    consentId: recorded.consentId,
    policyVersion: setup.policyVersion,
    granted,
    decidedAt: Math.floor(Date.parse(recorded.recordedAt) / 1000),
  };
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", choiceSetCookie(consentCookieName(scope.env.ENVIRONMENT), await sealChoice(choice, key)));
  for (const name of deniedCookieNames(setup.categories, granted, readCookieNames(request.headers.get("Cookie")))) {
    headers.append("Set-Cookie", expiredSetCookie(name));
  }
  return answer(request, parsed.form, headers, summary(decision, choice, visitor, setup));
}

/** What the progressive-enhancement script needs to update the page in place. */
function summary(decision: ConsentDecision, choice: Choice, visitor: Visitor, setup: ConsentSetup) {
  const before = visitor.status.kind === "valid" ? visitor.status.choice.granted : [];
  const scripted = setup.categories.filter((c) => c.services.some((s) => s.origins.script?.length)).map((c) => c.id);
  return {
    consentId: choice.consentId,
    decidedAt: new Date(choice.decidedAt * 1000).toISOString(),
    granted: choice.granted,
    // Embeds can be swapped in place; a page whose scripts or frames must go (or scripts come) reloads instead.
    embeds: choice.granted.some((id) => setup.categories.find((c) => c.id === id)?.services.some((s) => s.embeds)),
    reload:
      decision.action === "withdraw" ||
      before.some((id) => !choice.granted.includes(id)) ||
      choice.granted.some((id) => scripted.includes(id) && !before.includes(id)),
  };
}

function answer(request: Request, form: ConsentForm, headers: Headers, body: object): Response {
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

function notSaved(cause: unknown): HttpError {
  if (!(cause instanceof HttpError) || cause.status >= 500) {
    console.error(JSON.stringify({ event: "consent_not_recorded", error: cause instanceof Error ? cause.message : String(cause) }));
  }
  return new HttpError(503, "Your choice could not be recorded", {
    cause,
    kind: "consentNotSaved",
    headers: { "Retry-After": RETRY_AFTER_SECONDS },
  });
}

