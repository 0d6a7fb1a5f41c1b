// What a consent-neutral page holds that depends on consent, found by its markers. Pure.
import type { Locale } from "../../content/locales.ts";
import { LOCALES } from "../../content/locales.ts";

export type ConsentParts = {
  /** The page's language, from `<html lang>`; null for anything that is not one of our pages. */
  locale: Locale | null;
  /** The banner slot every page layout has. */
  slot: boolean;
  /** Media placeholders. */
  embeds: boolean;
  /** The preferences form of the cookie page. */
  preferences: boolean;
};

export function findConsentParts(html: string): ConsentParts {
  const lang = /<html lang="([a-z]{2})"/.exec(html.slice(0, 256))?.[1];
  return {
    locale: LOCALES.find((l) => l === lang) ?? null,
    slot: html.includes("data-consent-slot"),
    embeds: html.includes("data-embed-placeholder"),
    preferences: html.includes("data-consent-preferences"),
  };
}
