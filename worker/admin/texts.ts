// GET /admin/texts/<sha256>: the consent texts archived under that hash, rendered as the visitor
// saw them (in a sandboxed frame, /rendered) beside their facts, or byte for byte (?raw).
import { h } from "preact";
import { type ArchivedTexts, ArchivedConsent } from "../../components/admin/ArchivedConsent.tsx";
import { TextsPage } from "../../components/admin/TextsPage.tsx";
import { loadArchiveView } from "./archive.ts";
import type { AdminContext } from "./context.ts";
import { adminHtml, adminResponse, archivedHtml } from "./admin-response.ts";

type TextsRow = {
  texts_hash: string;
  policy_version: string;
  locale: string;
  texts: string;
  first_recorded_at: string;
};

export async function serveTexts(
  { url, env, principal, t, languages }: AdminContext,
  hash: string,
): Promise<Response | undefined> {
  const rows = await loadTexts(env, hash);
  const row = rows?.[0];
  if (!row) return undefined;
  if (url.searchParams.has("raw"))
    return adminResponse(row.texts, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const view = {
    hash: row.texts_hash,
    // The same texts can serve several policy versions (a version bump with no new wording).
    policyVersion: rows.map((r) => r.policy_version).join(", "),
    locale: row.locale,
    firstRecordedAt: row.first_recorded_at,
    pretty: prettyJson(row.texts),
    rawHref: `/admin/texts/${row.texts_hash}?raw`,
    renderedHref: readArchived(row.texts) ? `/admin/texts/${row.texts_hash}/rendered` : null,
  };
  // D25: beside the texts, what each policy version they served showed (the archive, in
  // their language).
  const versions = [...new Set(rows.map((r) => r.policy_version))];
  const archives = await Promise.all(
    versions.map(async (policyVersion) => ({
      policyVersion,
      archive: await loadArchiveView(env, policyVersion, row.locale),
    })),
  );
  return adminHtml(h(TextsPage, { view, principal: principal.id, t, languages, archives }));
}

/** The archived texts through the site's components, for the texts page's sandboxed frame. */
export async function serveRenderedTexts(
  { env }: AdminContext,
  hash: string,
): Promise<Response | undefined> {
  const row = (await loadTexts(env, hash))?.[0];
  const archived = row && readArchived(row.texts);
  if (!archived) return undefined;
  return archivedHtml(h(ArchivedConsent, { archived }));
}

async function loadTexts(env: Env, hash: string): Promise<TextsRow[] | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const { results } = await env.LEDGER.prepare(
    "SELECT * FROM consent_texts WHERE texts_hash = ?1 ORDER BY first_recorded_at",
  )
    .bind(hash)
    .all<TextsRow>();
  return results;
}

/**
 * Archived texts in the current format (with the controller and the consent log), or null for an
 * earlier one.
 */
export function readArchived(text: string): ArchivedTexts | null {
  try {
    const value = JSON.parse(text) as Partial<ArchivedTexts>;
    const complete =
      value &&
      typeof value === "object" &&
      value.texts?.policy?.rights &&
      value.controller &&
      value.consentLog &&
      value.authority &&
      value.dates;
    return complete &&
      Array.isArray(value.categories) &&
      (value.locale === "it" || value.locale === "en")
      ? (value as ArchivedTexts)
      : null;
  } catch {
    return null;
  }
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
