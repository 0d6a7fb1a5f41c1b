// How /admin authenticates, from bindings. Neither method configured: /admin is closed.
export type AdminSecrets = { ADMIN_TOKEN?: string };

export type AccessConfig = { teamDomain: string; audience: string };
export type AdminAuthConfig = { token: string | null; access: AccessConfig | null };

/** Shorter tokens are ignored: a guessable token is worse than none. */
export const MIN_TOKEN_LENGTH = 32;

export function adminAuthConfig(env: Env & AdminSecrets): AdminAuthConfig {
  const token = env.ADMIN_TOKEN?.trim() ?? "";
  if (token && token.length < MIN_TOKEN_LENGTH) {
    console.error(JSON.stringify({ event: "admin_token_ignored", reason: `ADMIN_TOKEN is shorter than ${MIN_TOKEN_LENGTH} characters` }));
  }
  // Vars may be missing altogether where wrangler.toml is not read (a bundle served by Miniflare).
  const teamDomain = normalizeTeamDomain(env.ACCESS_TEAM_DOMAIN ?? "");
  const audience = String(env.ACCESS_AUD ?? "").trim();
  return {
    token: token.length >= MIN_TOKEN_LENGTH ? token : null,
    access: teamDomain && audience ? { teamDomain, audience } : null,
  };
}

/** `team.cloudflareaccess.com` or `https://team.cloudflareaccess.com/` → `https://team.cloudflareaccess.com`. */
export function normalizeTeamDomain(value: string): string | null {
  const trimmed = value.trim().replace(/\/+$/, "");
  if (!trimmed) return null;
  const url = new URL(/^https?:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
  return url.protocol === "https:" ? url.origin : null;
}
