// The record of earlier consent policies (content/consent-history.json): checking it against
// consent.json, and adding the policy in force to it. Pure.
import {
  type PolicyChange,
  type PolicySubstance,
  diffSubstance,
  extractSubstance,
} from "./consent-substance.ts";
import type { ConsentConfig, ConsentHistory, ConsentHistoryEntry } from "./schema.ts";

export const HISTORY_FILE = "consent-history.json";

/**
 * The substance of every category and service in the configuration, whatever the
 * deployment's bindings.
 */
export function substanceOf(
  config: Pick<ConsentConfig, "categories" | "services">,
): PolicySubstance {
  return extractSubstance(config.categories, config.services);
}

/**
 * What changed between the last recorded policy and consent.json; empty when the record is up
 * to date.
 */
export function unrecordedChanges(history: ConsentHistory, config: ConsentConfig): PolicyChange[] {
  const last = history.policies[history.policies.length - 1];
  return last ? diffSubstance(last.substance, substanceOf(config)) : [];
}

/**
 * The history with consent.json's policy appended, or the same history when it is already the
 * last entry.
 */
export function recordPolicy(
  history: ConsentHistory | null,
  config: ConsentConfig,
  today: string,
): ConsentHistory {
  const substance = substanceOf(config);
  const policies = history?.policies ?? [];
  const last = policies[policies.length - 1];
  if (last && JSON.stringify(last.substance) === JSON.stringify(substance)) return history!;
  const entry: ConsentHistoryEntry = {
    since: today,
    substance,
    labels: {
      categories: Object.fromEntries(config.categories.map((c) => [c.id, c.name])),
      services: Object.fromEntries(config.services.map((s) => [s.id, s.name])),
    },
  };
  return { note: history?.note ?? NOTE, policies: [...policies, entry] };
}

const NOTE =
  "Written by `npm run consent:policy -- --record`, never by hand: the policies visitors agreed to, oldest first.";

/** One line per change, for editors (English, ids as in consent.json). */
export function describeForEditors(changes: readonly PolicyChange[]): string {
  return changes
    .map((c) => {
      const subject =
        "cookie" in c ? `${c.service}/${c.cookie}` : "service" in c ? c.service : c.category;
      return c.kind === "duration-changed"
        ? `${c.kind} ${subject} (${c.from} → ${c.to})`
        : `${c.kind} ${subject}`;
    })
    .join(", ");
}
