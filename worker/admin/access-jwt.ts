// Verifying a Cloudflare Access JWT: RS256 signature against the team's keys, then issuer, audience
// and time.
import { fromBase64Url } from "../../lib/bytes.ts";

export type AccessClaims = {
  iss: string;
  aud: string | string[];
  exp: number;
  nbf?: number;
  iat?: number;
  email?: string;
  sub?: string;
};

export type AccessJwtOptions = {
  keys: readonly JsonWebKey[];
  issuer: string;
  audience: string;
  /** Seconds since the epoch. */
  now: number;
};

/** Clock skew tolerated on exp and nbf, in seconds. */
const LEEWAY = 30;
const RS256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

export class JwtError extends Error {}

/** The token's claims when it is valid; throws JwtError saying why it is not. */
export async function verifyAccessJwt(
  token: string,
  { keys, issuer, audience, now }: AccessJwtOptions,
): Promise<AccessClaims> {
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtError("not a JWT");
  const [head, body, signature] = parts as [string, string, string];
  const header = decodeJson(head) as { alg?: string; kid?: string };
  if (header.alg !== "RS256") throw new JwtError(`unexpected algorithm ${String(header.alg)}`);
  const jwk = keys.find((k) => (k as { kid?: string }).kid === header.kid);
  if (!jwk) throw new JwtError(`unknown key id ${String(header.kid)}`);
  const key = await crypto.subtle.importKey(
    "jwk",
    { ...jwk, alg: "RS256", ext: true },
    RS256,
    false,
    ["verify"],
  );
  const valid = await crypto.subtle.verify(
    RS256,
    key,
    decode(signature),
    new TextEncoder().encode(`${head}.${body}`),
  );
  if (!valid) throw new JwtError("bad signature");
  const claims = decodeJson(body) as AccessClaims;
  if (claims.iss !== issuer) throw new JwtError(`wrong issuer ${String(claims.iss)}`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(audience)) throw new JwtError("wrong audience");
  if (typeof claims.exp !== "number" || claims.exp + LEEWAY <= now) throw new JwtError("expired");
  if (typeof claims.nbf === "number" && claims.nbf - LEEWAY > now)
    throw new JwtError("not yet valid");
  return claims;
}

function decode(part: string): Uint8Array<ArrayBuffer> {
  try {
    return fromBase64Url(part);
  } catch {
    throw new JwtError("bad encoding");
  }
}

/** A JSON object: `null`, a number or a list in a header or claims is a forgery, not a crash. */
function decodeJson(part: string): object {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(decode(part)));
  } catch {
    throw new JwtError("bad encoding");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new JwtError("not a JSON object");
  return value;
}
