// What the consent layer does to one page for one visitor: which parts appear and what the CSP
// allows. Pure.
import type { CspOptions } from "../http/security-headers.ts";
import { type ChoiceStatus, readGranted } from "./choice-encoding.ts";
import type { Locale } from "../../content/locales.ts";
import { findCategories, collectGrantedOrigins } from "./policy-version.ts";
import type { ConsentSetup } from "./load-consent-setup.ts";
import type { Signal } from "../../content/ledger-vocabulary.ts";

/** The consent parts a page has: the banner, media embeds, the preferences form. */
export type ConsentParts = {
  locale: Locale | null;
  /** The banner (every page layout can carry one). */
  slot: boolean;
  embeds: boolean;
  preferences: boolean;
};

export type ConsentPlan = {
  granted: readonly string[];
  /** No valid choice yet: the banner goes in the slot. */
  banner: boolean;
  /** Placeholders stay placeholders (media not granted): their "allow and play" forms are live. */
  embedsWaiting: boolean;
  /** Media granted: placeholders become embeds. */
  embedsAllowed: boolean;
  /** The progressive-enhancement script is only sent where it has something to do. */
  script: boolean;
  /** The GA4 measurement id when analytics is granted and configured. */
  analytics: string | null;
  /**
   * Sources each CSP directive adds for this visitor (the analytics bootstrap's hash is added by
   * the caller).
   */
  csp: Required<Omit<CspOptions, "scriptSrc">> & { scriptSrc: string[] };
};

export function planConsent(
  parts: ConsentParts,
  setup: Pick<ConsentSetup, "categories" | "measurementId">,
  visitor: { status: ChoiceStatus; signals: readonly Signal[] },
): ConsentPlan {
  const granted = readGranted(visitor.status);
  const embedCategories = findCategories(setup.categories, (s) => Boolean(s.embeds));
  const analyticsCategories = findCategories(
    setup.categories,
    (s) => s.requires === "GA_MEASUREMENT_ID",
  );
  const embedsAllowed = parts.embeds && embedCategories.some((id) => granted.includes(id));
  const embedsWaiting = parts.embeds && embedCategories.some((id) => !granted.includes(id));
  const banner = parts.slot && visitor.status.kind !== "valid";
  const script = banner || embedsWaiting;
  const analytics =
    setup.measurementId && analyticsCategories.some((id) => granted.includes(id))
      ? setup.measurementId
      : null;
  const origins = collectGrantedOrigins(setup.categories, granted);
  const self = (when: boolean) => (when ? ["'self'"] : []);
  return {
    granted,
    banner,
    embedsWaiting,
    embedsAllowed,
    script,
    analytics,
    csp: {
      scriptSrc: [...self(script), ...(analytics ? origins.script : [])],
      // The script posts the choice with fetch, and swaps placeholders in place through a
      // same-origin frame.
      connectSrc: [...self(script), ...(analytics ? origins.connect : [])],
      frameSrc: [...self(script && embedsWaiting), ...(embedsAllowed ? origins.frame : [])],
      imgSrc: analytics ? origins.img : [],
    },
  };
}
