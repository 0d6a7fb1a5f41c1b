// How /admin authenticates, from bindings. Neither method configured: /admin is closed.
/**
 * `ADMIN_TOKENS="alice:<token>,ci:<token>"`: one named token per person or tool, so the access log
 * says who.
 */
export type AdminSecrets = { ADMIN_TOKEN?: string; ADMIN_TOKENS?: string };

export type AccessConfig = { teamDomain: string; audience: string };
export type NamedToken = { name: string; token: string };
export type AdminAuthConfig = { tokens: NamedToken[]; access: AccessConfig | null };

/** Shorter tokens are ignored: a guessable token is worse than none. */
export const MIN_TOKEN_LENGTH = 32;
const TOKEN_NAME = /^[A-Za-z0-9._@-]{1,64}$/;
/** The name the single legacy ADMIN_TOKEN goes by in the access log. */
export const LEGACY_TOKEN_NAME = "token";

export function adminAuthConfig(env: Env & AdminSecrets): AdminAuthConfig {
  // Vars may be missing altogether where wrangler.toml is not read (a bundle served by Miniflare).
  const teamDomain = normalizeTeamDomain(env.ACCESS_TEAM_DOMAIN ?? "");
  const audience = String(env.ACCESS_AUD ?? "").trim();
  return {
    tokens: parseNamedTokens(env.ADMIN_TOKENS ?? "", env.ADMIN_TOKEN ?? ""),
    access: teamDomain && audience ? { teamDomain, audience } : null,
  };
}

/**
 * The usable named tokens; a malformed, short or duplicate entry is ignored and logged (without
 * its secret).
 */
export function parseNamedTokens(list: string, legacy: string): NamedToken[] {
  const entries = list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => ({
      name: entry.slice(0, Math.max(0, entry.indexOf(":"))).trim(),
      token: entry.slice(entry.indexOf(":") + 1).trim(),
    }));
  if (legacy.trim()) entries.push({ name: LEGACY_TOKEN_NAME, token: legacy.trim() });
  const tokens: NamedToken[] = [];
  for (const entry of entries) {
    const reason = !TOKEN_NAME.test(entry.name)
      ? "its name must be 1-64 letters, digits or . _ @ - before a colon"
      : entry.token.length < MIN_TOKEN_LENGTH
        ? `its token is shorter than ${MIN_TOKEN_LENGTH} characters`
        : tokens.some((t) => t.name === entry.name || t.token === entry.token)
          ? "its name or token is already used"
          : null;
    if (reason)
      console.error(
        JSON.stringify({ event: "admin_token_ignored", name: entry.name || "(none)", reason }),
      );
    else tokens.push(entry);
  }
  return tokens;
}

/**
 * `team.cloudflareaccess.com` or `https://team.cloudflareaccess.com/` →
 * `https://team.cloudflareaccess.com`.
 */
export function normalizeTeamDomain(value: string): string | null {
  const trimmed = value.trim().replace(/\/+$/, "");
  if (!trimmed) return null;
  const url = new URL(/^https?:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
  return url.protocol === "https:" ? url.origin : null;
}
