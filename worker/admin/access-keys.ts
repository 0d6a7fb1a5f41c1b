// The Access team's signing keys (JWKS), fetched from the team domain and kept per isolate for
// a while.
const CERTS_PATH = "/cdn-cgi/access/certs";
const TTL_MS = 10 * 60_000;
/**
 * A token with an unknown key id may refetch, but not more often than this (keys rotate rarely).
 */
const REFRESH_MIN_MS = 60_000;

type Cached = { keys: JsonWebKey[]; fetchedAt: number };
const cache = new Map<string, Cached>();

/** The team's current public keys; `refresh` asks for a fresh copy (rate-limited). */
export async function accessKeys(
  teamDomain: string,
  { refresh = false, now = Date.now() } = {},
): Promise<JsonWebKey[]> {
  const cached = cache.get(teamDomain);
  const age = cached ? now - cached.fetchedAt : Infinity;
  if (cached && age < TTL_MS && !(refresh && age >= REFRESH_MIN_MS)) return cached.keys;
  const response = await fetch(`${teamDomain}${CERTS_PATH}`, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok)
    throw new Error(`Access keys: ${teamDomain}${CERTS_PATH} answered ${response.status}`);
  const body = (await response.json()) as { keys?: unknown };
  if (!Array.isArray(body.keys)) throw new Error("Access keys: no keys in the answer");
  const keys = body.keys.filter(
    (k): k is JsonWebKey => typeof k === "object" && k !== null && (k as JsonWebKey).kty === "RSA",
  );
  cache.set(teamDomain, { keys, fetchedAt: now });
  return keys;
}

/** Forgets fetched keys (tests). */
export function clearAccessKeys(): void {
  cache.clear();
}
