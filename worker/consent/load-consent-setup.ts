// The consent policy in force for one locale: the content's configuration, narrowed to the services
// that run with this deployment's bindings, with its version and texts computed once per isolate.
import type { ConsentView, ShownCategory } from "../../content/consent-view.ts";
import type { Locale } from "../../content/locales.ts";
import type { ContentStore } from "../content/store.ts";
import {
  readMeasurementId,
  computePolicyVersion,
  listShownCategories,
  serializeShownTexts,
} from "./policy-version.ts";
import { type PolicyIndex, indexPolicyHistory } from "./policy-changes.ts";

export type ConsentSetup = {
  view: ConsentView;
  categories: ShownCategory[];
  /** The ids of the optional categories shown: what `accept_all` grants. */
  optional: string[];
  policyVersion: string;
  /** The exact texts shown, serialized: the ledger archives them and records their hash. */
  texts: string;
  measurementId: string | null;
  /** The bindings set that decide which services exist (for comparing with policies on record). */
  bindings: string[];
  /**
   * The recorded policies by the version they had here: what the banner tells a visitor whose
   * choice predates this one.
   */
  policyIndex: PolicyIndex;
};

type Derived = Omit<ConsentSetup, "view">;

const MAX_HELD = 32;
/**
 * Resolved setups only: a request never awaits work another request started. Each with the view it
 * came from.
 */
const derived = new Map<string, ConsentSetup>();

/** The consent setup for a locale, from the content store and the Worker's bindings. */
export async function loadConsentSetup(
  store: ContentStore,
  locale: Locale,
  env: Env,
): Promise<ConsentSetup> {
  const view = await store.consent(locale);
  const held = heldConsentSetup(view, locale, env);
  if (held) return held;
  const measurementId = readMeasurementId(env);
  const setup = { view, ...(await derive(view, measurementId)) };
  if (derived.size >= MAX_HELD) derived.clear();
  derived.set(derivedKey(view, locale, measurementId), setup);
  return setup;
}

/**
 * The setup of `view` when this isolate derived it already, without waiting; else undefined. The
 * same object for every request (a version's view never changes): no caller may change it.
 */
export function heldConsentSetup(
  view: ConsentView,
  locale: Locale,
  env: Env,
): ConsentSetup | undefined {
  return derived.get(derivedKey(view, locale, readMeasurementId(env)));
}

/**
 * Content versions are immutable, so (version, locale, bindings) fixes everything derived from
 * a view.
 */
function derivedKey(view: ConsentView, locale: Locale, measurementId: string | null): string {
  return `${view.version}|${locale}|${measurementId ?? ""}`;
}

async function derive(view: ConsentView, measurementId: string | null): Promise<Derived> {
  const categories = listShownCategories(view, { GA_MEASUREMENT_ID: measurementId ?? undefined });
  const bindings = measurementId ? ["GA_MEASUREMENT_ID"] : [];
  return {
    categories,
    optional: categories.filter((c) => !c.required).map((c) => c.id),
    policyVersion: await computePolicyVersion(categories),
    texts: serializeShownTexts(view, categories),
    measurementId,
    bindings,
    policyIndex: await indexPolicyHistory(view.history, bindings),
  };
}
