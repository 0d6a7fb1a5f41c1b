// D24/D25: the exact bytes that show a consent policy — the banner and the preferences as rendered
// for a locale and policy version, the stylesheet and the script — and one hash over them for the
// ledger's records. Pure but for hashing. The render is canonical: no per-view nonce, the return
// path of the locale's home page, no visitor state; a served page differs from it only in those
// per-view values.
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { ConsentBanner } from "../../components/consent/ConsentBanner.tsx";
import { ConsentPreferences } from "../../components/consent/ConsentPreferences.tsx";
import { CSS } from "../../components/styles.ts";
import type { ConsentView, ShownCategory } from "../../content/consent-view.ts";
import { CONSENT_SCRIPT } from "../assets/consent-script.ts";
import { sha256Hex } from "../../lib/bytes.ts";

export type ShownMarkup = {
  locale: string;
  policyVersion: string;
  banner: string;
  preferences: string;
  stylesheet: string;
  script: string;
};

export type ShownMarkupHash = {
  /**
   * SHA-256 over the domain tag, locale, policy version and the four parts' own SHA-256, one
   * per line.
   */
  hash: string;
  parts: Record<"banner" | "preferences" | "stylesheet" | "script", string>;
};

const TAG = "fvm-shown-markup-v1";

/** The four parts as served to a visitor with no choice under this policy, in this locale. */
export function renderShownMarkup(
  view: Pick<ConsentView, "locale" | "texts">,
  categories: ShownCategory[],
  policyVersion: string,
): ShownMarkup {
  const { locale, texts } = view;
  return {
    locale,
    policyVersion,
    banner: renderToString(
      h(ConsentBanner, {
        locale,
        texts: texts.banner,
        categories,
        returnTo: `/${locale}/`,
        signal: false,
      }),
    ),
    preferences: renderToString(h(ConsentPreferences, { locale, texts, categories })),
    stylesheet: CSS,
    script: CONSENT_SCRIPT,
  };
}

/**
 * The hash a record carries for what was shown; each part's hash too, so an archive can be checked
 * part by part.
 */
export async function hashShownMarkup(markup: ShownMarkup): Promise<ShownMarkupHash> {
  const parts = {
    banner: await sha256Hex(markup.banner),
    preferences: await sha256Hex(markup.preferences),
    stylesheet: await sha256Hex(markup.stylesheet),
    script: await sha256Hex(markup.script),
  };
  const hash = await sha256Hex(
    [
      TAG,
      markup.locale,
      markup.policyVersion,
      parts.banner,
      parts.preferences,
      parts.stylesheet,
      parts.script,
    ].join("\n"),
  );
  return { hash, parts };
}

const MAX_HELD = 32;
/**
 * Resolved hashes only, per (content version, locale, bindings, policy version): a request never
 * awaits another's work.
 */
const held = new Map<string, string>();

/**
 * The D24 hash a decision under this setup records: rendered and hashed once per isolate for each
 * content version, locale and policy version, then a map lookup. Two requests racing on a cold
 * isolate each compute it (the same value); only the resolved string is kept.
 */
export async function loadShownHash(setup: {
  view: Pick<ConsentView, "version" | "locale" | "texts">;
  categories: ShownCategory[];
  policyVersion: string;
  measurementId: string | null;
}): Promise<string> {
  const key = `${setup.view.version}|${setup.view.locale}|${setup.measurementId ?? ""}|${setup.policyVersion}`;
  const known = held.get(key);
  if (known) return known;
  const { hash } = await hashShownMarkup(
    renderShownMarkup(setup.view, setup.categories, setup.policyVersion),
  );
  if (held.size >= MAX_HELD) held.clear();
  held.set(key, hash);
  return hash;
}
