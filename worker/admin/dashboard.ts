// GET /admin/: read the filters, load, shape, render.
import { h } from "preact";
import { Dashboard } from "../../components/admin/Dashboard.tsx";
import type { FilterValues } from "../../components/admin/types.ts";
import { ledgerSigner, retentionDays } from "../ledger/ledger-config.ts";
import { EXPORT_FORMATS } from "../ledger/export-format.ts";
import type { AdminContext } from "./context.ts";
import { loadDashboard } from "./dashboard-data.ts";
import { toDashboardView } from "./dashboard-view.ts";
import { filterOf, parseRecordQuery, queryString, type RecordQuery } from "./query.ts";
import { loadRecordOfProcessing } from "./record-source.ts";
import { adminHtml } from "./admin-response.ts";

const DEFAULT_DAYS = 30;

export async function serveDashboard({
  url,
  env,
  principal,
  locale,
  t,
  languages,
}: AdminContext): Promise<Response> {
  const query = withDefaultRange(parseRecordQuery(url.searchParams).query, url.searchParams);
  const [data, signer, ropa] = await Promise.all([
    loadDashboard(env.LEDGER, filterOf(query)),
    ledgerSigner(env).catch(() => null),
    loadRecordOfProcessing(env, locale),
  ]);
  const view = toDashboardView(data, {
    principal: principal.id,
    filter: formValues(query),
    exportLinks: EXPORT_FORMATS.map((format) => ({
      format,
      href: `/admin/api/consents?${queryString(query, format)}`,
    })),
    publicKey: signer?.publicKey ?? null,
    retentionDays: retentionDays(env),
    ropa,
  });
  return adminHtml(h(Dashboard, { view, t, languages }));
}

/** With no dates given (and no consent id looked up), the last 30 days. */
function withDefaultRange(query: RecordQuery, params: URLSearchParams): RecordQuery {
  if (params.has("from") || params.has("to") || query.consent_id) return query;
  const today = new Date();
  const from = new Date(today.getTime() - (DEFAULT_DAYS - 1) * 86_400_000);
  return { ...query, from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}

function formValues(q: RecordQuery): FilterValues {
  return {
    from: q.from ?? "",
    to: q.to ?? "",
    action: q.action ?? "",
    policyVersion: q.policy_version ?? "",
    consentId: q.consent_id ?? "",
  };
}
