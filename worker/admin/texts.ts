// GET /admin/texts/<sha256>: the consent texts archived under that hash, pretty or byte for byte (?raw).
import { h } from "preact";
import { TextsPage } from "../../components/admin/TextsPage.tsx";
import type { AdminContext } from "./context.ts";
import { adminHtml, adminResponse } from "./respond.ts";

type TextsRow = { texts_hash: string; policy_version: string; locale: string; texts: string; first_recorded_at: string };

export async function serveTexts({ url, env, principal }: AdminContext, hash: string): Promise<Response | undefined> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
  const { results } = await env.LEDGER.prepare("SELECT * FROM consent_texts WHERE texts_hash = ?1 ORDER BY first_recorded_at").bind(hash).all<TextsRow>();
  const row = results[0];
  if (!row) return undefined;
  if (url.searchParams.has("raw")) return adminResponse(row.texts, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const view = {
    hash: row.texts_hash,
    // The same texts can serve several policy versions (a version bump with no new wording).
    policyVersion: results.map((r) => r.policy_version).join(", "),
    locale: row.locale,
    firstRecordedAt: row.first_recorded_at,
    pretty: prettyJson(row.texts),
    rawHref: `/admin/texts/${row.texts_hash}?raw`,
  };
  return adminHtml(h(TextsPage, { view, principal: principal.id }));
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
