// The consent state a request is in: few, enumerable, and named so the page cache can keep one page
// per state. Pure.
import type { Visitor } from "./read-visitor.ts";

export type ConsentState = {
  /**
   * Part of the page-cache key: `ask`, `ask.since.<version>` (a choice made under an older policy:
   * the banner says what changed since), `granted.` + the granted categories; `.signal` where the
   * privacy-signal notice shows.
   */
  key: string;
  /** The page carries this visitor's own receipt: rendered for them, never stored. */
  personal: boolean;
};

/**
 * The state of `visitor` on a page. Without a valid choice the banner asks (with the privacy-signal
 * notice when the browser sends one, and what changed when the choice was made under an older
 * policy); with one, the granted categories decide. Only the preferences page shows the signal
 * notice and the receipt once a choice exists, so only there do they change the bytes.
 */
export function pickConsentState(visitor: Visitor, page: { preferences: boolean }): ConsentState {
  const signal = visitor.signals.length > 0 ? ".signal" : "";
  if (visitor.status.kind !== "valid") {
    // Only versions this site signed into a cookie: as few as the policies it has had.
    const since =
      visitor.status.kind === "stale" && visitor.status.reason === "policy"
        ? `.since.${visitor.status.choice.policyVersion}`
        : "";
    return { key: `ask${since}${signal}`, personal: false };
  }
  const granted = `granted.${visitor.status.choice.granted.join("+")}`;
  return { key: page.preferences ? `${granted}${signal}` : granted, personal: page.preferences };
}
