// Which categories and services are in use, and the two fingerprints of a consent policy: its
// version (what is done with the visitor's data) and the hash of its texts (how it was
// worded). Pure.
import type { ConsentServiceView, ConsentView, ShownCategory } from "../../content/consent-view.ts";
import { type PolicySubstance, extractSubstance } from "../../content/consent-substance.ts";
import { sha256Hex } from "../../lib/bytes.ts";

/** The bindings some services need; a service whose binding is unset does not exist. */
export type ConsentBindings = { GA_MEASUREMENT_ID?: string };

const MEASUREMENT_ID = /^G-[A-Z0-9]{4,16}$/;

/** The configured GA4 measurement id, or null when it is unset or not one. */
export function readMeasurementId(bindings: ConsentBindings): string | null {
  const id = bindings.GA_MEASUREMENT_ID?.trim() ?? "";
  return MEASUREMENT_ID.test(id) ? id : null;
}

/**
 * The categories in use: services missing their binding are dropped, then categories left with
 * no service.
 */
export function listShownCategories(view: ConsentView, bindings: ConsentBindings): ShownCategory[] {
  const running = view.services.filter((service) => isRunning(service, bindings));
  return view.categories
    .map((category) => ({
      ...category,
      services: running.filter((s) => s.category === category.id),
    }))
    .filter((category) => category.services.length > 0);
}

/**
 * What the policy version covers (content/consent-substance.ts): categories and their purposes,
 * each service's provider, origins, embeds, legal basis, transfer bases and purpose revision, each
 * cookie's name, party and lifetime. Changing any of them asks everyone again; rewording does not.
 * Sorted, so reordering changes nothing.
 */
export function extractPolicySubstance(categories: readonly ShownCategory[]): PolicySubstance {
  return extractSubstance(
    categories,
    categories.flatMap((c) => c.services),
  );
}

/** The policy version of a substance: 12 hex digits of SHA-256 over its JSON. */
export async function hashSubstance(substance: PolicySubstance): Promise<string> {
  return (await sha256Hex(JSON.stringify(substance))).slice(0, 12);
}

/** The policy version: 12 hex digits of SHA-256 over the substance of the categories shown. */
export async function computePolicyVersion(categories: readonly ShownCategory[]): Promise<string> {
  return hashSubstance(extractPolicySubstance(categories));
}

/**
 * The exact texts a visitor is shown under this policy in one locale, serialized once for
 * the ledger.
 */
export function serializeShownTexts(
  view: ConsentView,
  categories: readonly ShownCategory[],
): string {
  const { locale, updated, controller, consentLog, authority, texts, dates } = view;
  // Everything the banner, the preferences and the notice show, so the archive can render
  // them again.
  return JSON.stringify({
    locale,
    updated,
    categories,
    controller,
    consentLog,
    authority,
    texts,
    dates,
  });
}

/** Origins each CSP directive needs for the services of the granted categories. */
export function collectGrantedOrigins(
  categories: readonly ShownCategory[],
  granted: readonly string[],
) {
  const services = categories
    .filter((c) => c.required || granted.includes(c.id))
    .flatMap((c) => c.services);
  const union = (kind: keyof ConsentServiceView["origins"]) => [
    ...new Set(services.flatMap((s) => s.origins[kind] ?? [])),
  ];
  return {
    script: union("script"),
    connect: union("connect"),
    img: union("img"),
    frame: union("frame"),
  };
}

/** The ids of the categories with a service that passes `test`. */
export function findCategories(
  categories: readonly ShownCategory[],
  test: (service: ConsentServiceView) => boolean,
): string[] {
  return categories.filter((c) => c.services.some(test)).map((c) => c.id);
}

/** The service that turns a media provider's placeholders into embeds, with its category. */
export function findEmbedService(
  categories: readonly ShownCategory[],
  provider: string,
): ConsentServiceView | undefined {
  return categories.flatMap((c) => c.services).find((s) => s.embeds === provider);
}

function isRunning(service: ConsentServiceView, bindings: ConsentBindings): boolean {
  if (service.requires === "GA_MEASUREMENT_ID") return readMeasurementId(bindings) !== null;
  return true;
}

/**
 * The first-party cookies of the categories not granted (`_ga_*` patterns included), to delete
 * after a refusal.
 */
export function findDeniedCookies(
  categories: readonly ShownCategory[],
  granted: readonly string[],
  present: readonly string[],
): string[] {
  const patterns = categories
    .filter((c) => !c.required && !granted.includes(c.id))
    .flatMap((c) =>
      c.services.flatMap((s) =>
        s.cookies.filter((cookie) => cookie.firstParty).map((cookie) => cookie.name),
      ),
    );
  const matches = (name: string, pattern: string) =>
    pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
  return present.filter((name) => patterns.some((pattern) => matches(name, pattern)));
}
