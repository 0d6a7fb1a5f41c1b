// "What changed since your last choice": the recorded policies indexed by the version this
// deployment gave them, and the banner's line for a visitor whose choice was made under one of
// them. Pure but for hashing.
import type { ConsentTextsView, ConsentView, ShownCategory } from "../../content/consent-view.ts";
import {
  type PolicyChange,
  type PolicySubstance,
  diffSubstance,
  narrowSubstance,
} from "../../content/consent-substance.ts";
import { fill } from "../../components/format.ts";
import { formatMaxAge } from "../../components/consent/format-duration.ts";
import { extractPolicySubstance, hashSubstance } from "./policy-version.ts";

export type RecordedPolicy = NonNullable<ConsentView["history"]>[number];
export type PolicyIndex = ReadonlyMap<string, RecordedPolicy>;

/**
 * Each recorded policy under the version it had with these bindings set (a service needing one it
 * lacks was not shown).
 */
export async function indexPolicyHistory(
  history: readonly RecordedPolicy[] | undefined,
  bindings: readonly string[],
): Promise<PolicyIndex> {
  const set = new Set(bindings);
  const index = new Map<string, RecordedPolicy>();
  for (const entry of history ?? [])
    index.set(await hashSubstance(narrowSubstance(entry.substance as PolicySubstance, set)), entry);
  return index;
}

/**
 * What changed from the policy a choice was made under to the one in force; null when that policy
 * is not on record.
 */
export function listPolicyChanges(
  index: PolicyIndex,
  previousVersion: string,
  categories: readonly ShownCategory[],
  bindings: readonly string[],
): PolicyChange[] | null {
  const entry = index.get(previousVersion);
  if (!entry) return null;
  return diffSubstance(
    narrowSubstance(entry.substance as PolicySubstance, new Set(bindings)),
    extractPolicySubstance(categories),
  );
}

/**
 * The banner's one line for a choice made under `previousVersion`: the changes named in the
 * visitor's language, or the generic line when that policy is not on record (or nothing a visitor
 * would notice differs).
 */
export function explainPolicyChanges(
  index: PolicyIndex,
  previousVersion: string,
  categories: readonly ShownCategory[],
  texts: Pick<ConsentTextsView, "banner" | "changes" | "preferences">,
  bindings: readonly string[],
): string {
  const changes = listPolicyChanges(index, previousVersion, categories, bindings);
  if (!changes || changes.length === 0) return texts.banner.changedUnknown;
  const labels = index.get(previousVersion)!.labels;
  const categoryName = (id: string) =>
    categories.find((c) => c.id === id)?.name ?? labels.categories[id] ?? id;
  const serviceName = (id: string) =>
    categories.flatMap((c) => c.services).find((s) => s.id === id)?.name ??
    labels.services[id] ??
    id;
  const phrases = changes.map((change) => phrase(change, texts, categoryName, serviceName));
  return fill(texts.banner.changed, { changes: [...new Set(phrases)].join(texts.changes.join) });
}

function phrase(
  change: PolicyChange,
  texts: Pick<ConsentTextsView, "changes" | "preferences">,
  categoryName: (id: string) => string,
  serviceName: (id: string) => string,
): string {
  const t = texts.changes;
  switch (change.kind) {
    case "category-added":
      return fill(t.categoryAdded, { category: categoryName(change.category) });
    case "category-removed":
      return fill(t.categoryRemoved, { category: categoryName(change.category) });
    case "purposes-changed":
      return fill(t.purposesChanged, { category: categoryName(change.category) });
    case "service-added":
      return fill(t.serviceAdded, { service: serviceName(change.service) });
    case "service-removed":
      return fill(t.serviceRemoved, { service: serviceName(change.service) });
    case "cookie-added":
      return fill(t.cookieAdded, { cookie: change.cookie, service: serviceName(change.service) });
    case "cookie-removed":
      return fill(t.cookieRemoved, { cookie: change.cookie, service: serviceName(change.service) });
    case "duration-changed": {
      const words = (maxAge: string) =>
        formatMaxAge(maxAge, texts.preferences.durations).toLowerCase();
      return fill(t.durationChanged, {
        cookie: change.cookie,
        from: words(change.from),
        to: words(change.to),
      });
    }
    default: {
      const key = {
        "provider-changed": "providerChanged",
        "purpose-changed": "purposeChanged",
        "basis-changed": "basisChanged",
        "transfer-changed": "transferChanged",
        "origins-changed": "originsChanged",
      } as const;
      return fill(t[key[change.kind]], { service: serviceName(change.service) });
    }
  }
}
