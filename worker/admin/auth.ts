// Who is calling /admin: a person through Cloudflare Access, or a tool with the bearer token.
import { fromBase64, sha256 } from "../../lib/bytes.ts";
import { HttpError } from "../http/errors.ts";
import { JwtError, verifyAccessJwt } from "./access-jwt.ts";
import { accessKeys } from "./access-keys.ts";
import {
  type AccessConfig,
  type AdminAuthConfig,
  adminAuthConfig,
  type AdminSecrets,
} from "./auth-config.ts";

/**
 * `ambient`: credentials a browser attaches by itself (the Access cookie, remembered Basic
 * credentials), so a state-changing request must also prove it comes from this site.
 */
export type AdminPrincipal = { id: string; auth: "access" | "token"; ambient: boolean };

const CLOSED =
  "Admin is closed: configure Cloudflare Access (ACCESS_TEAM_DOMAIN and ACCESS_AUD) or an ADMIN_TOKENS (or ADMIN_TOKEN) secret";

/**
 * The authenticated caller; throws 403 when admin is not configured and 401 without valid
 * credentials. The token is accepted as a bearer token (tools) or as the password of HTTP Basic (a
 * browser's own login prompt).
 */
export async function authenticateAdmin(
  request: Request,
  env: Env & AdminSecrets,
): Promise<AdminPrincipal> {
  const config = adminAuthConfig(env);
  if (config.tokens.length === 0 && !config.access) throw new HttpError(403, CLOSED);
  const authorization = request.headers.get("Authorization") ?? "";
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (bearer !== undefined) return checkToken(bearer, config, false);
  const basic = /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
  if (basic !== undefined) return checkToken(basicPassword(basic), config, true);
  const jwt = request.headers.get("Cf-Access-Jwt-Assertion") ?? accessCookie(request);
  if (jwt && config.access) return checkAccess(jwt, config.access);
  throw unauthorized("Authentication required", config);
}

/**
 * The named token that matches; every configured token is compared, so the time taken says nothing
 * about which.
 */
async function checkToken(
  token: string,
  config: AdminAuthConfig,
  ambient: boolean,
): Promise<AdminPrincipal> {
  const matches = await Promise.all(config.tokens.map((named) => sameSecret(token, named.token)));
  const named = config.tokens[matches.indexOf(true)];
  if (named) return { id: named.name, auth: "token", ambient };
  throw unauthorized("Invalid token", config);
}

function basicPassword(encoded: string): string {
  try {
    const decoded = new TextDecoder().decode(fromBase64(encoded));
    return decoded.slice(decoded.indexOf(":") + 1);
  } catch {
    return "";
  }
}

async function checkAccess(jwt: string, access: AccessConfig): Promise<AdminPrincipal> {
  const options = {
    issuer: access.teamDomain,
    audience: access.audience,
    now: Math.floor(Date.now() / 1000),
  };
  try {
    let claims;
    try {
      claims = await verifyAccessJwt(jwt, {
        ...options,
        keys: await accessKeys(access.teamDomain),
      });
    } catch (error) {
      // Keys rotate: an unknown key id may just mean our copy is old.
      if (!(error instanceof JwtError && error.message.startsWith("unknown key id"))) throw error;
      claims = await verifyAccessJwt(jwt, {
        ...options,
        keys: await accessKeys(access.teamDomain, { refresh: true }),
      });
    }
    return { id: claims.email ?? claims.sub ?? "access", auth: "access", ambient: true };
  } catch (error) {
    if (error instanceof JwtError)
      throw unauthorized(`Invalid Access token: ${error.message}`, null);
    throw new HttpError(503, "Cannot verify Access tokens right now", { cause: error });
  }
}

/** Constant-time comparison: both sides are hashed to equal-length digests first. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  // workerd's own constant-time compare (the Node typings in this project's tsconfig do not
  // declare it).
  return (
    crypto.subtle as unknown as { timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean }
  ).timingSafeEqual(a.buffer, b.buffer);
}

function accessCookie(request: Request): string | undefined {
  const cookie = request.headers.get("Cookie") ?? "";
  return /(?:^|;\s*)CF_Authorization=([^;]+)/.exec(cookie)?.[1];
}

/** A 401 whose challenge makes a browser ask for the token when one is configured. */
function unauthorized(message: string, config: AdminAuthConfig | null): HttpError {
  const challenge = config?.tokens.length
    ? 'Basic realm="Far volare Milano admin", charset="UTF-8"'
    : 'Bearer realm="admin"';
  return new HttpError(401, message, { headers: { "WWW-Authenticate": challenge } });
}
