// What the page components need to render one consent state, and what they report having
// placed. The Worker builds the input (worker/consent/build-consent-render.ts); the components
// fill in `placed` as they render, so the caller knows the page's consent parts without reading
// its HTML again.
import type { ConsentBannerProps } from "./ConsentBanner.tsx";
import type { ReceiptChoice } from "./ConsentReceipt.tsx";

/** An embed of a provider, as this state shows it. */
export type EmbedChoice =
  /** The provider's category is granted: the player itself. */
  | { kind: "frame"; src: (id: string) => string }
  /** Not granted: the placeholder, whose "allow and play" form posts these fields. */
  | { kind: "form"; fields: readonly (readonly [string, string])[] }
  /** No service of this deployment shows the provider: the placeholder only. */
  | { kind: "none" };

export type ConsentRender = {
  /** The banner's props when the visitor has no valid choice; null once they have one. */
  banner: Omit<ConsentBannerProps, "nonce"> | null;
  /** Optional categories granted. */
  granted: readonly string[];
  /** The browser sent Sec-GPC or DNT. */
  signal: boolean;
  /** The visitor's own receipt, on the preferences page only. */
  receipt?: ReceiptChoice;
  /** The value each consent form's nonce field holds (a placeholder each view overwrites). */
  nonce: string;
  /** The path the page's consent forms come back to. */
  returnTo: string;
  embed(provider: string): EmbedChoice;
  /** The progressive-enhancement script's path. */
  scriptPath: string;
  /**
   * Google Analytics for the head, when analytics is granted and configured: the inline bootstrap
   * and the library.
   */
  analytics: { bootstrap: string; src: string } | null;
  placed: PlacedParts;
};

/** What a render put on the page. */
export type PlacedParts = {
  banner: boolean;
  /** Placeholders still waiting for a grant, and players shown. */
  embeds: { provider: string; id: string; shown: boolean }[];
  preferences: boolean;
  script: boolean;
};

export function emptyPlacedParts(): PlacedParts {
  return { banner: false, embeds: [], preferences: false, script: false };
}
