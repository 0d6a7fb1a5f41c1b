// The built Worker served in workerd for node-tier tests: the bundle the tier's global set-up
// built, one Miniflare a call.
import { inject } from "vitest";
import { buildBundle } from "../../scripts/lib/bundle.ts";
import { type ServeOptions, type ServedSite, serveBundle } from "../../scripts/lib/serve-bundle.ts";

let fallback: Promise<string> | undefined;

/**
 * The production bundle of this run (tests/helpers/node-setup.ts); built here once only when no
 * set-up provided it.
 */
export async function builtBundle(): Promise<string> {
  return inject("bundlePath") ?? (fallback ??= buildBundle());
}

/**
 * Serves the built Worker with content seeded: its own KV, D1 and Durable Objects, in memory unless
 * told otherwise.
 */
export async function serveBuilt(
  options: Omit<ServeOptions, "scriptPath"> = {},
): Promise<ServedSite> {
  return serveBundle({ scriptPath: await builtBundle(), ...options });
}

/** `serveBuilt` with extra bindings (secrets, production settings) only. */
export function startSite(bindings: Record<string, string> = {}): Promise<ServedSite> {
  return serveBuilt({ bindings });
}

/**
 * A decision posted as the banner's form posts it without JavaScript (same origin, form-encoded);
 * the 303 is the caller's to check.
 */
export function postChoice(origin: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${origin}/consent`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: origin,
      "Sec-Fetch-Site": "same-origin",
    },
    body: new URLSearchParams(form),
  });
}
