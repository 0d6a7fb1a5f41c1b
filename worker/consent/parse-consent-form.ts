// The fields of POST /consent, read strictly: `action`, `cat_<category>=on` for `save`, `return`,
// `source` (which form sent it, for the record) and `event` (the page's nonce, for idempotent
// retries). Pure.
import { FORM_ACTIONS, type FormAction, type Method } from "../../content/ledger-vocabulary.ts";
import type { Locale } from "../../content/locales.ts";
import { pathFor } from "../../content/paths.ts";
import { NONCE_FIELD, NONCE_PATTERN } from "./nonce.ts";

/**
 * Which form sent a decision: each is also the record's method (but for the banner's
 * X, `banner_close`).
 */
export const FORM_SOURCES = ["banner", "preferences", "embed"] as const satisfies readonly Method[];
export type FormSource = (typeof FORM_SOURCES)[number];

export type ConsentForm = {
  action: FormAction;
  /** The categories ticked (`cat_<id>=on`), among those shown; meaningful for `save`. */
  ticked: string[];
  /** A path on this site. */
  returnTo: string;
  source: FormSource;
  /**
   * The nonce of the page the form was on, when it had one: makes a retried submission idempotent.
   */
  nonce?: string;
};

/** What is wrong with a form, for the log and the 400 message. */
export type FormProblem = { field: string; message: string };

const MAX_FIELDS = 32;
const MAX_RETURN_LENGTH = 512;
const CATEGORY_FIELD = /^cat_([a-z][a-z0-9]{0,31})$/;
/**
 * Path, query and fragment characters (RFC 3986), nothing that could start another origin or
 * a header.
 */
const PATH_CHARS = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;
const BASE = "https://same-site.invalid";

/**
 * The form, or the first problem with it. Categories not shown (stale pages, hidden categories)
 * are ignored.
 */
export function parseConsentForm(
  params: URLSearchParams,
  shown: readonly string[],
): { form: ConsentForm } | { problem: FormProblem } {
  const fields = [...params.keys()];
  if (fields.length > MAX_FIELDS)
    return reportProblem("(form)", `has more than ${MAX_FIELDS} fields`);
  const action = readSingle(params, "action");
  if (action === null) return reportProblem("action", "must be given once");
  if (!isOneOf(FORM_ACTIONS, action))
    return reportProblem("action", `must be one of ${FORM_ACTIONS.join(", ")}`);
  const source = readSingle(params, "source") ?? (action === "save" ? "preferences" : "banner");
  if (!isOneOf(FORM_SOURCES, source))
    return reportProblem("source", `must be one of ${FORM_SOURCES.join(", ")}`);
  const rawReturn = params.getAll("return");
  if (rawReturn.length > 1) return reportProblem("return", "must be given at most once");
  const returnTo = rawReturn.length === 0 ? "/" : checkReturnPath(rawReturn[0] ?? "");
  if (returnTo === null) return reportProblem("return", "must be a path on this site");
  const nonces = params.getAll(NONCE_FIELD);
  if (nonces.length > 1 || (nonces[0] !== undefined && !NONCE_PATTERN.test(nonces[0]))) {
    return reportProblem(
      NONCE_FIELD,
      "must be given at most once, as 8-64 letters, digits, - or _",
    );
  }
  const ticked = new Set<string>();
  for (const [field, value] of params) {
    if (!field.startsWith("cat_")) continue;
    const category = CATEGORY_FIELD.exec(field)?.[1];
    if (!category || value !== "on")
      return reportProblem(field, 'must be a category name with the value "on"');
    if (shown.includes(category)) ticked.add(category);
  }
  const form: ConsentForm = {
    action,
    ticked: shown.filter((c) => ticked.has(c)),
    returnTo,
    source,
  };
  return { form: nonces[0] ? { ...form, nonce: nonces[0] } : form };
}

/**
 * `value` when it is a path on this site (with query and fragment), else null. Never
 * another origin.
 */
export function checkReturnPath(value: string): string | null {
  if (value.length > MAX_RETURN_LENGTH || !PATH_CHARS.test(value)) return null;
  try {
    const url = new URL(value, BASE);
    return url.origin === BASE ? value : null;
  } catch {
    return null;
  }
}

/**
 * Characters a return path may hold as they are (PATH_CHARS without `#`: a request has
 * no fragment).
 */
const KEPT = /[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]/;

/**
 * The `return` of the consent forms on the page at `url`: its path and query, percent-encoded where
 * the endpoint would refuse a character, or the locale's home when it is still too long or not a
 * path of this site. So a banner on any page, however odd its address, is one the endpoint accepts.
 */
export function formReturnPath(url: URL, locale: Locale): string {
  let path = "";
  for (const char of url.pathname + url.search)
    path += KEPT.test(char) ? char : encodeURIComponent(char);
  return checkReturnPath(path) ?? pathFor(locale, { page: "home" });
}

function readSingle(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  return values.length === 1 ? (values[0] ?? null) : null;
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function reportProblem(field: string, message: string): { problem: FormProblem } {
  return { problem: { field, message } };
}
