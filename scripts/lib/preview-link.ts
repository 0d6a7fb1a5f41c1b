// What `content:publish --stage` prints and `content:promote` checks: the preview secret, the links
// to the changed pages, and a digest of a version's keys.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ContentBundle } from "../../content/build.ts";
import { LOCALES } from "../../content/locales.ts";
import { type PageRef, pathFor } from "../../content/paths.ts";
import { MIN_PREVIEW_SECRET_LENGTH, PREVIEW_PARAM } from "../../worker/preview/token.ts";
import type { Changes } from "./changes.ts";
import { CliError } from "./cli.ts";
import { DEV_VARS, addMissingDevVars, readDevVars } from "./dev-vars.ts";
import type { KvTarget } from "./kv-client.ts";
import { signPreviewToken } from "./preview-token.ts";

/**
 * The secret the Worker checks tokens with: PREVIEW_SECRET from the environment, else (local only)
 * .dev.vars, written there if missing. Remote needs the environment: the production secret is never
 * on disk here.
 */
export function readPreviewSecret(target: KvTarget): string {
  const given = process.env.PREVIEW_SECRET;
  if (given !== undefined && given !== "")
    return checkSecret(given, "the PREVIEW_SECRET environment variable");
  if (target.remote) {
    throw new CliError(
      "--stage --remote signs the preview links with the production Worker's PREVIEW_SECRET: pass it in the environment, " +
        "PREVIEW_SECRET=... npm run content:publish -- --stage --remote (set it on the Worker with npx wrangler secret put PREVIEW_SECRET).",
    );
  }
  const added = addMissingDevVars({ PREVIEW_SECRET: () => randomBytes(32).toString("base64url") });
  if (added.length > 0)
    console.error(
      `Wrote PREVIEW_SECRET to ${DEV_VARS}: restart npm start so the local Worker knows it.`,
    );
  return checkSecret(readDevVars().PREVIEW_SECRET ?? "", DEV_VARS);
}

function checkSecret(secret: string, where: string): string {
  if (secret.length < MIN_PREVIEW_SECRET_LENGTH)
    throw new CliError(
      `PREVIEW_SECRET in ${where} must be at least ${MIN_PREVIEW_SECRET_LENGTH} characters.`,
    );
  return secret;
}

/**
 * Where the links point: SITE_ORIGIN from the environment, else for --remote the one wrangler.toml
 * sets (for --env, that environment's), else the local `npm start` address.
 */
export function previewOrigin(target: KvTarget): string {
  const origin =
    process.env.SITE_ORIGIN ||
    (target.remote ? readSiteOrigin(target.env) : "") ||
    `http://127.0.0.1:${process.env.PORT || 8787}`;
  return origin.replace(/\/+$/, "");
}

function readSiteOrigin(env: string | undefined): string {
  const toml = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
  const section = env ? `[env.${env}.vars]` : "[vars]";
  const start = toml.indexOf(`\n${section}`);
  if (start < 0) return "";
  const body = toml.slice(start + section.length + 1).split(/\n\[/)[0]!;
  return /^\s*SITE_ORIGIN\s*=\s*"([^"]*)"/m.exec(body)?.[1] ?? "";
}

/**
 * The pages a change shows on, in both locales: each added or changed project's, and the listings
 * (and the cookie page when the plan, labels or consent texts changed) whenever anything changed.
 */
export function listChangedPages(bundle: ContentBundle, changes: Changes): string[] {
  const paths: string[] = [];
  for (const id of [...changes.added, ...changes.changed]) {
    const project = bundle.projects.find((p) => p.id === id);
    if (project)
      for (const locale of LOCALES)
        paths.push(pathFor(locale, { page: "project", slug: project.text[locale].slug }));
  }
  const any =
    changes.shared || changes.added.length + changes.changed.length + changes.removed.length > 0;
  const listings: PageRef[] = any
    ? [
        { page: "home" },
        { page: "achieved" },
        ...(changes.shared ? [{ page: "cookies" } as const] : []),
      ]
    : [];
  for (const ref of listings) for (const locale of LOCALES) paths.push(pathFor(locale, ref));
  return paths;
}

/** A page's preview URL. */
export function previewUrl(origin: string, path: string, token: string): string {
  return `${origin}${path}${path.includes("?") ? "&" : "?"}${PREVIEW_PARAM}=${token}`;
}

export function signPreviewLink(
  secret: string,
  version: string,
  hours: number,
  now = Date.now(),
): { token: string; expiresAt: number } {
  const expiresAt = Math.floor(now / 1000) + Math.round(hours * 3600);
  return { token: signPreviewToken(secret, version, expiresAt), expiresAt };
}

/**
 * SHA-256 over the keys (sorted) and their values: what was staged, so promote can tell it is
 * still intact.
 */
export function digestEntries(
  keys: string[],
  valueOf: (key: string) => string | null | undefined,
): string {
  const hash = createHash("sha256");
  for (const key of [...keys].sort()) hash.update(`${key}\0${valueOf(key) ?? "\u0000missing"}\n`);
  return hash.digest("hex");
}
