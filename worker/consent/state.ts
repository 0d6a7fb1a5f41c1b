// The consent state a request is in: few, enumerable, and named so the page cache can keep one page per state. Pure.
import type { Visitor } from "./visitor.ts";

export type ConsentState = {
  /** Part of the page-cache key: `ask`, `ask.signal`, `granted.` + the granted categories (`.signal` where it shows). */
  key: string;
  /** The page carries this visitor's own receipt: rendered for them, never stored. */
  personal: boolean;
};

/**
 * The state of `visitor` on a page. Without a valid choice the banner asks (with the privacy-signal notice when the
 * browser sends one); with one, the granted categories decide. Only the preferences page shows the signal notice
 * and the receipt once a choice exists, so only there do they change the bytes.
 */
export function pickConsentState(visitor: Visitor, page: { preferences: boolean }): ConsentState {
  const signal = visitor.signals.length > 0 ? ".signal" : "";
  if (visitor.status.kind !== "valid") return { key: `ask${signal}`, personal: false };
  const granted = `granted.${visitor.status.choice.granted.join("+")}`;
  return { key: page.preferences ? `${granted}${signal}` : granted, personal: page.preferences };
}
