// D25: what a policy version showed, from the archive `npm run consent:archive` writes (where and
// why: see worker/consent/archive-keys.ts). The texts page shows it beside the texts: the archived
// banner and preferences rendered in sandboxed frames, the screenshots, and whether the stored
// bytes still hash to what the records say.
import { fromBase64, sha256Hex } from "../../lib/bytes.ts";
import { POLICY_VERSION } from "../ledger/record-types.ts";
import { applySecurityHeaders, hashSource } from "../http/security-headers.ts";
import {
  ARCHIVE_FILE,
  type ArchiveManifest,
  archiveKey,
  isBinaryFile,
} from "../consent/archive-keys.ts";
import { hashShownMarkup } from "../consent/shown-markup.ts";
import type { ArchiveView } from "../../components/admin/types.ts";
import type { AdminContext } from "./context.ts";
import { ADMIN_HEADERS, adminResponse } from "./admin-response.ts";

const hrefOf = (version: string, file: string) =>
  `/admin/archive/${encodeURIComponent(version)}/${file}`;

async function readManifest(env: Env, version: string): Promise<ArchiveManifest | null> {
  if (!POLICY_VERSION.test(version)) return null;
  const text = await env.CONTENT.get(archiveKey(version, "manifest.json"));
  if (!text) return null;
  try {
    const manifest = JSON.parse(text) as ArchiveManifest;
    return manifest &&
      Array.isArray(manifest.files) &&
      manifest.markup &&
      typeof manifest.markup === "object"
      ? manifest
      : null;
  } catch {
    return null;
  }
}

/** A stored file's bytes (screenshots decoded from base64), or null when it is not there. */
async function readFile(
  env: Env,
  version: string,
  file: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const text = await env.CONTENT.get(archiveKey(version, file));
  if (text === null) return null;
  if (!isBinaryFile(file)) return new TextEncoder().encode(text);
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

/**
 * The archive of a policy version for one locale, checked against its manifest and the records;
 * null when none.
 */
export async function loadArchiveView(
  env: Env,
  version: string,
  locale: string,
): Promise<ArchiveView | null> {
  const manifest = await readManifest(env, version);
  const declared = manifest?.markup[locale];
  if (!manifest || !declared) return null;
  const listed = manifest.files.filter(
    (f) => ARCHIVE_FILE.test(f.file) && (!f.locale || f.locale === locale),
  );
  const bytes = await Promise.all(listed.map((f) => readFile(env, version, f.file)));
  const files = await Promise.all(
    listed.map(async (f, i) => ({
      file: f.file,
      href: hrefOf(version, f.file),
      sha256: f.sha256,
      intact: bytes[i] ? (await sha256Hex(bytes[i]!)) === f.sha256 : false,
    })),
  );
  const text = (file: string) => {
    const i = listed.findIndex((f) => f.file === file);
    return i >= 0 && bytes[i] ? new TextDecoder().decode(bytes[i]!) : "";
  };
  const { hash: markupHash } = await hashShownMarkup({
    locale,
    policyVersion: version,
    banner: text(`${locale}-banner.html`),
    preferences: text(`${locale}-preferences.html`),
    stylesheet: text("stylesheet.css"),
    script: text("consent.js"),
  });
  const { results } = await env.LEDGER.prepare(
    "SELECT shown_hash, COUNT(*) AS n FROM consent_records WHERE policy_version = ?1 AND locale = ?2 GROUP BY shown_hash",
  )
    .bind(version, locale)
    .all<{ shown_hash: string | null; n: number }>();
  const matching = results
    .filter((r) => r.shown_hash === markupHash)
    .reduce((sum, r) => sum + r.n, 0);
  const other = results.reduce((sum, r) => sum + r.n, 0) - matching;
  return {
    policyVersion: version,
    locale,
    capturedAt: manifest.capturedAt,
    chromium: manifest.chromium,
    bannerHref: hrefOf(version, `${locale}-banner.html`),
    preferencesHref: hrefOf(version, `${locale}-preferences.html`),
    markupHash,
    intact: files.length > 0 && files.every((f) => f.intact) && markupHash === declared.hash,
    records: { matching, other },
    // Banner before preferences, phone before desktop.
    screenshots: listed
      .filter((f) => f.file.endsWith(".png"))
      .map((f) => ({
        href: hrefOf(version, f.file),
        layer: f.layer ?? "",
        viewport: f.viewport ?? "",
      }))
      .sort((a, b) => a.layer.localeCompare(b.layer) || b.viewport.localeCompare(a.viewport)),
    files,
  };
}

const TYPES: Record<string, string> = {
  png: "image/png",
  css: "text/plain; charset=utf-8",
  js: "text/plain; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/**
 * GET /admin/archive/<version>/<file>: one archived file. Screenshots as images; the stylesheet,
 * script and manifest as text (never run); the banner's and the preferences' markup as a standalone
 * document with the archived stylesheet inline, for a sandboxed frame: no script, no form
 * submission, framed only by the dashboard.
 */
export async function serveArchiveFile(
  { env }: AdminContext,
  version: string,
  file: string,
): Promise<Response | undefined> {
  if (!POLICY_VERSION.test(version) || !ARCHIVE_FILE.test(file)) return undefined;
  const bytes = await readFile(env, version, file);
  if (!bytes) return undefined;
  if (!file.endsWith(".html")) {
    return adminResponse(bytes, {
      headers: { "Content-Type": TYPES[file.split(".").pop()!]!, "Content-Disposition": "inline" },
    });
  }
  const stylesheet = new TextDecoder().decode(
    (await readFile(env, version, "stylesheet.css")) ?? new Uint8Array(),
  );
  const locale = file.slice(0, 2);
  const body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${file}</title><style>${stylesheet.replace(/<\/style/gi, "<\\/style")}</style></head><body>${new TextDecoder().decode(bytes)}</body></html>`;
  const response = new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) response.headers.set(name, value);
  applySecurityHeaders(
    response.headers,
    `default-src 'none'; style-src ${await hashSource(stylesheet.replace(/<\/style/gi, "<\\/style"))}; img-src 'self' data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'; sandbox`,
  );
  response.headers.set("X-Frame-Options", "SAMEORIGIN");
  return response;
}
