// The consent configuration as the Worker reads it: one view per locale, texts resolved, substance
// kept as is.
import type { ConsentBundle, Locale, UiStrings } from "./schema.ts";

/** A value with every `{ it, en }` pair replaced by its text in one locale. */
export type Resolved<T> = T extends (infer E)[]
  ? Resolved<E>[]
  : T extends object
    ? string extends keyof T
      ? { [K in keyof T]: Resolved<T[K]> } // a record keyed by ids, not a localized pair
      : T extends Record<Locale, infer V>
        ? Resolved<V>
        : { [K in keyof T]: Resolved<T[K]> }
    : T;

type ResolvedConfig = Resolved<ConsentBundle>;

export type ConsentView = ResolvedConfig & {
  /** The content version it was built from. */
  version: string;
  locale: Locale;
  /** How the receipt writes dates, from strings.json. */
  dates: UiStrings["dates"];
};
export type ConsentCategoryView = ResolvedConfig["categories"][number];
export type ConsentServiceView = ResolvedConfig["services"][number];
export type ConsentTextsView = ResolvedConfig["texts"];

/** A category as the visitor sees it: with the services that are actually running behind it. */
export type ShownCategory = ConsentCategoryView & { services: ConsentServiceView[] };

/** Builds the view of one locale. Pure. */
export function buildConsentView(
  config: ConsentBundle,
  locale: Locale,
  version: string,
  dates: UiStrings["dates"],
): ConsentView {
  return { ...resolveLocale(config, locale), version, locale, dates };
}

/** Replaces every `{ it, en }` pair in a value by its text in `locale`. */
export function resolveLocale<T>(value: T, locale: Locale): Resolved<T> {
  if (Array.isArray(value)) return value.map((item) => resolveLocale(item, locale)) as Resolved<T>;
  if (typeof value !== "object" || value === null) return value as Resolved<T>;
  const entries = Object.entries(value);
  if (entries.length === 2 && "it" in value && "en" in value)
    return resolveLocale((value as Record<Locale, unknown>)[locale], locale) as Resolved<T>;
  return Object.fromEntries(
    entries.map(([key, item]) => [key, resolveLocale(item, locale)]),
  ) as Resolved<T>;
}

/** A cheap shape check for a consent view read back from KV. */
export function isConsentView(value: unknown): value is ConsentView {
  const view = value as Partial<ConsentView> | null;
  return (
    typeof view === "object" &&
    view !== null &&
    Array.isArray(view.categories) &&
    Array.isArray(view.services) &&
    typeof view.texts === "object"
  );
}
