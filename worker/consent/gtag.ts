// Google Analytics 4 in Consent Mode v2, basic mode: emitted only for visitors who granted
// analytics, and even then the defaults are set to denied before anything else runs. Pure, except
// for the hash (computed once).
import { hashSource } from "../http/security-headers.ts";

export const GTAG_ORIGIN = "https://www.googletagmanager.com";

/**
 * The inline bootstrap: consent defaults first, then the visitor's grant, then the configuration.
 */
export function renderGtagBootstrap(measurementId: string): string {
  return [
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}",
    'gtag("consent","default",{ad_storage:"denied",ad_user_data:"denied",ad_personalization:"denied",analytics_storage:"denied",functionality_storage:"denied",personalization_storage:"denied",security_storage:"granted"});',
    'gtag("consent","update",{analytics_storage:"granted"});',
    'gtag("js",new Date());',
    // Host-only cookies, so the Worker can delete them when consent is withdrawn.
    `gtag("config",${JSON.stringify(measurementId)},{cookie_domain:"none",cookie_flags:"SameSite=Lax;Secure"});`,
  ].join("");
}

/**
 * The tags for the page's head: the bootstrap, then the library (async, after the defaults are
 * in place).
 */
export function renderGtagTags(measurementId: string): string {
  const src = `${GTAG_ORIGIN}/gtag/js?id=${encodeURIComponent(measurementId)}`;
  return `<script data-analytics>${renderGtagBootstrap(measurementId)}</script><script async src="${src}" data-analytics></script>`;
}

/** Resolved hashes only: a request never awaits a digest another request started. */
const hashes = new Map<string, string>();

/** The CSP source that allows exactly this bootstrap. */
export async function hashGtagBootstrap(measurementId: string): Promise<string> {
  let hash = hashes.get(measurementId);
  if (!hash)
    hashes.set(measurementId, (hash = await hashSource(renderGtagBootstrap(measurementId))));
  return hash;
}
