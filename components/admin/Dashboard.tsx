import { AccessLog } from "./AccessLog.tsx";
import { AdminLayout } from "./AdminLayout.tsx";
import { ChainStatus } from "./ChainStatus.tsx";
import { DailyChart } from "./DailyChart.tsx";
import { FilterForm } from "./FilterForm.tsx";
import { RecordTable } from "./RecordTable.tsx";
import { Shares } from "./Shares.tsx";
import { TextsArchive } from "./TextsArchive.tsx";
import type { DashboardView } from "./types.ts";
import { EraseForm } from "./EraseForm.tsx";

/** `/admin/`: figures and charts for the filtered range, a consent id's history, exports, the chain, the texts. */
export function Dashboard({ view }: { view: DashboardView }) {
  const { filter, totals } = view;
  const range = `${filter.from || "the start"} – ${filter.to || "today"}`;
  return (
    <AdminLayout title="Consent ledger · admin" principal={view.principal}>
      <h1>Consent ledger</h1>
      <section aria-labelledby="filters">
        <h2 id="filters">Filters and look-up</h2>
        <FilterForm filter={filter} actions={view.actions} policyVersions={view.policyVersions} />
      </section>
      {view.history && (
        <section aria-labelledby="history">
          <h2 id="history">
            History of consent id <code>{filter.consentId}</code>
          </h2>
          <RecordTable caption={`${plural(view.history.length, "decision")}, oldest first`} rows={view.history} />
          <EraseForm consentId={filter.consentId} records={view.history.length} />
        </section>
      )}
      <div class="grid">
        <section aria-labelledby="totals">
          <h2 id="totals">Decisions, {range}</h2>
          <dl class="figures">
            <div>
              <dt>decisions</dt>
              <dd>{totals.records}</dd>
            </div>
            <div>
              <dt>consent ids</dt>
              <dd>{totals.consents}</dd>
            </div>
          </dl>
          <Shares caption="By action" shares={view.actionShares} />
        </section>
        <section aria-labelledby="rates">
          <h2 id="rates">Acceptance rate by category</h2>
          <Shares caption="Decisions granting each category" shares={view.categoryShares} />
        </section>
      </div>
      <section aria-labelledby="per-day">
        <h2 id="per-day">Decisions per day</h2>
        <DailyChart id="chart-actions" mode="stacked" title="Decisions per day by action" description={`Stacked bars, ${range}`} data={view.byAction} />
        <DailyChart
          id="chart-categories"
          mode="grouped"
          title="Decisions per day granting each category"
          description={`Bars side by side, ${range}`}
          data={view.byCategory}
        />
      </section>
      <section aria-labelledby="export">
        <h2 id="export">Export</h2>
        <p>These filters, every matching record, with the checkpoints that sign them (JSON and NDJSON):</p>
        <ul class="links">
          {view.exportLinks.map((l) => (
            <li>
              <a href={l.href} download>
                {l.format.toUpperCase()}
              </a>
            </li>
          ))}
        </ul>
        <p class="muted">
          Verify an export offline: <code>npm run consent:verify -- FILE{view.chain.publicKey ? ` --public-key ${view.chain.publicKey}` : ""}</code>
        </p>
      </section>
      <section aria-labelledby="latest">
        <h2 id="latest">Latest decisions</h2>
        <RecordTable caption={`The latest ${plural(view.latest.length, "matching record")}, newest first`} rows={view.latest} />
      </section>
      <ChainStatus chain={view.chain} />
      <TextsArchive texts={view.texts} />
      <AccessLog access={view.access} refusals={view.refusals} />
    </AdminLayout>
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
