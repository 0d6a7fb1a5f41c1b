// Who is calling /admin: a person through Cloudflare Access, or a tool with the bearer token.
import { HttpError } from "../http/errors.ts";
import { JwtError, verifyAccessJwt } from "./access-jwt.ts";
import { accessKeys } from "./access-keys.ts";
import { type AccessConfig, type AdminAuthConfig, adminAuthConfig, type AdminSecrets } from "./config.ts";

export type AdminPrincipal = { id: string; auth: "access" | "token" };

const CLOSED = "Admin is closed: configure Cloudflare Access (ACCESS_TEAM_DOMAIN and ACCESS_AUD) or an ADMIN_TOKEN secret";

/** The authenticated caller; throws 403 when admin is not configured and 401 without valid credentials. */
export async function authenticateAdmin(request: Request, env: Env & AdminSecrets): Promise<AdminPrincipal> {
  const config = adminAuthConfig(env);
  if (!config.token && !config.access) throw new HttpError(403, CLOSED);
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "")?.[1];
  if (bearer !== undefined) return checkBearer(bearer, config);
  const jwt = request.headers.get("Cf-Access-Jwt-Assertion") ?? accessCookie(request);
  if (jwt && config.access) return checkAccess(jwt, config.access);
  throw unauthorized("Authentication required");
}

async function checkBearer(token: string, config: AdminAuthConfig): Promise<AdminPrincipal> {
  if (config.token && (await sameSecret(token, config.token))) return { id: "token", auth: "token" };
  throw unauthorized("Invalid token");
}

async function checkAccess(jwt: string, access: AccessConfig): Promise<AdminPrincipal> {
  const options = { issuer: access.teamDomain, audience: access.audience, now: Math.floor(Date.now() / 1000) };
  try {
    let claims;
    try {
      claims = await verifyAccessJwt(jwt, { ...options, keys: await accessKeys(access.teamDomain) });
    } catch (error) {
      // Keys rotate: an unknown key id may just mean our copy is old.
      if (!(error instanceof JwtError && error.message.startsWith("unknown key id"))) throw error;
      claims = await verifyAccessJwt(jwt, { ...options, keys: await accessKeys(access.teamDomain, { refresh: true }) });
    }
    return { id: claims.email ?? claims.sub ?? "access", auth: "access" };
  } catch (error) {
    if (error instanceof JwtError) throw unauthorized(`Invalid Access token: ${error.message}`);
    throw new HttpError(503, "Cannot verify Access tokens right now", { cause: error });
  }
}

/** Constant-time comparison: both sides are hashed to equal-length digests first. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const digest = (s: string) => crypto.subtle.digest("SHA-256", new TextEncoder().encode(s));
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  // workerd's own constant-time compare (the Node typings in this project's tsconfig do not declare it).
  return (crypto.subtle as unknown as { timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean }).timingSafeEqual(a, b);
}

function accessCookie(request: Request): string | undefined {
  const cookie = request.headers.get("Cookie") ?? "";
  return /(?:^|;\s*)CF_Authorization=([^;]+)/.exec(cookie)?.[1];
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, message, { headers: { "WWW-Authenticate": 'Bearer realm="admin"' } });
}
