// Admin test helpers: the Worker with admin configured, a bearer token, and Cloudflare Access
// tokens signed by a locally generated RSA key whose JWKS the Worker fetches (the fetch is answered
// here: there is no network).
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import { toBase64Url } from "../../lib/bytes.ts";
import type { DecisionInput } from "../../worker/ledger/record-types.ts";
import { appendAt, clearLedger, decision } from "./ledger.ts";
import { type Requester, freshWorker, seed } from "./worker.ts";

export const TOKEN = "test-admin-token-0123456789abcdefghijklmnop";
export const TEAM = "https://farvolare.cloudflareaccess.com";
export const AUD = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";
export const CERTS_URL = `${TEAM}/cdn-cgi/access/certs`;

/**
 * The Worker with admin bindings (token and Access unless overridden); each call is a
 * fresh isolate.
 */
export function adminWorker(bindings: Record<string, unknown> = {}): Promise<Requester> {
  return freshWorker({
    ADMIN_TOKEN: TOKEN,
    ACCESS_TEAM_DOMAIN: TEAM,
    ACCESS_AUD: AUD,
    ...bindings,
  } as unknown as Partial<Env>);
}

/**
 * The dashboard's starting point: content seeded, the ledger cleared and holding `decisions` (each
 * its recording time and what it changes of decision()), and the Worker with admin configured.
 */
export async function adminOver(
  decisions: [recordedAt: string, overrides: Partial<DecisionInput>][],
): Promise<Requester> {
  await seed();
  await clearLedger(env.LEDGER);
  const worker = await adminWorker();
  for (const [at, overrides] of decisions) await appendAt(at, decision(overrides));
  return worker;
}

/** GET `path` from `worker` with the admin's token (and `headers`): the response and its body. */
export async function adminGet(
  worker: Requester,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ res: Response; body: string }> {
  const res = await worker(`GET ${path}`, { headers: { ...bearer(), ...headers } });
  return { res, body: await res.text() };
}

let ip = 0;
/**
 * Headers of a tool calling with the token, from its own address (so rate limits of other tests do
 * not apply).
 */
export function bearer(token = TOKEN): Record<string, string> {
  return { Authorization: `Bearer ${token}`, "CF-Connecting-IP": `198.51.100.${++ip % 250}` };
}

export type AccessIssuer = {
  kid: string;
  sign(claims: Record<string, unknown>): Promise<string>;
  jwk: JsonWebKey;
};

/** An RSA key pair standing in for the Access team's signing key. */
export async function accessIssuer(kid = "test-key-1"): Promise<AccessIssuer> {
  const pair = (await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const jwk = {
    ...((await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey),
    kid,
    alg: "RS256",
    use: "sig",
  };
  return {
    kid,
    jwk,
    async sign(claims) {
      const encode = (value: object) =>
        toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
      const input = `${encode({ alg: "RS256", kid, typ: "JWT" })}.${encode(claims)}`;
      const signature = await crypto.subtle.sign(
        "RSASSA-PKCS1-v1_5",
        pair.privateKey,
        new TextEncoder().encode(input),
      );
      return `${input}.${toBase64Url(new Uint8Array(signature))}`;
    },
  };
}

/** Valid Access claims for a person, `overrides` applied. */
export function accessClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    aud: [AUD],
    iss: TEAM,
    email: "dpo@example.org",
    sub: "user-1",
    iat: now - 10,
    nbf: now - 10,
    exp: now + 600,
    ...overrides,
  };
}

/** Answers the Worker's fetch of the team's JWKS with these keys; counts the fetches. */
export function serveJwks(...keys: JsonWebKey[]): { fetches: () => number } {
  let count = 0;
  const original = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(
    async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url === CERTS_URL) {
        count++;
        return Response.json({ keys, public_cert: { kid: "x", cert: "" } });
      }
      return original(input, init);
    },
  );
  return { fetches: () => count };
}
