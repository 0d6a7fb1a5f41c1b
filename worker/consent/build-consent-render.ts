// What the page components get to render one visitor's consent state
// (components/consent/consent-render.ts).
import {
  emptyPlacedParts,
  type ConsentRender,
  type EmbedChoice,
} from "../../components/consent/consent-render.ts";
import type { Locale } from "../../content/locales.ts";
import { GTAG_ORIGIN, renderGtagBootstrap } from "./gtag.ts";
import { NONCE_PLACEHOLDER } from "./nonce.ts";
import { planConsent } from "./plan-consent.ts";
import { findEmbedService } from "./policy-version.ts";
import { explainPolicyChanges } from "./policy-changes.ts";
import type { ConsentSetup } from "./load-consent-setup.ts";
import type { Visitor } from "./read-visitor.ts";

export type ConsentRenderOptions = {
  locale: Locale;
  setup: ConsentSetup;
  visitor: Visitor;
  /** The path the page's consent forms come back to. */
  returnTo: string;
  scriptPath: string;
  /** Show the visitor's receipt (the preferences page). */
  receipt: boolean;
};

/**
 * Everything a page needs to render for this visitor's consent state, with an empty record of what
 * it placed.
 */
export function buildConsentRender({
  locale,
  setup,
  visitor,
  returnTo,
  scriptPath,
  receipt,
}: ConsentRenderOptions): ConsentRender {
  const plan = planConsent({ locale, slot: true, embeds: true, preferences: true }, setup, visitor);
  const { granted } = plan;
  const { status } = visitor;
  return {
    banner: plan.banner
      ? {
          locale,
          texts: setup.view.texts.banner,
          categories: setup.categories,
          returnTo,
          signal: visitor.signals.length > 0,
          // E31: a choice made under an older policy: say what changed since (its state key names
          // that version).
          ...(status.kind === "stale" && status.reason === "policy"
            ? {
                changes: explainPolicyChanges(
                  setup.policyIndex,
                  status.choice.policyVersion,
                  setup.categories,
                  setup.view.texts,
                  setup.bindings,
                ),
              }
            : {}),
        }
      : null,
    granted,
    signal: visitor.signals.length > 0,
    receipt:
      receipt && status.kind === "valid"
        ? {
            consentId: status.choice.consentId,
            decidedAt: new Date(status.choice.decidedAt * 1000).toISOString(),
            categories: setup.categories
              .filter((c) => !c.required)
              .map((c) => ({ id: c.id, name: c.name, granted: granted.includes(c.id) })),
            dates: setup.view.dates,
          }
        : undefined,
    nonce: NONCE_PLACEHOLDER,
    returnTo,
    embed: (provider) => chooseEmbed(setup, granted, provider),
    scriptPath,
    analytics: plan.analytics
      ? {
          bootstrap: renderGtagBootstrap(plan.analytics),
          src: `${GTAG_ORIGIN}/gtag/js?id=${encodeURIComponent(plan.analytics)}`,
        }
      : null,
    placed: emptyPlacedParts(),
  };
}

/**
 * The player when its category is granted; else the "allow and play" form, which keeps every
 * other grant.
 */
function chooseEmbed(
  setup: ConsentSetup,
  granted: readonly string[],
  provider: string,
): EmbedChoice {
  const service = findEmbedService(setup.categories, provider);
  if (!service) return { kind: "none" };
  const template = service.embedUrl;
  if (template && granted.includes(service.category))
    return { kind: "frame", src: (id) => template.replace("{id}", id) };
  const grants = [service.category, ...granted.filter((id) => id !== service.category)];
  return { kind: "form", fields: grants.map((id) => [`cat_${id}`, "on"] as const) };
}
