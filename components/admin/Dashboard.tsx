import type { AdminStrings, Locale } from "../../content/schema.ts";
import { fill } from "../format.ts";
import { AccessLog } from "./AccessLog.tsx";
import { AdminLayout } from "./AdminLayout.tsx";
import { ChainStatus } from "./ChainStatus.tsx";
import { DailyChart } from "./DailyChart.tsx";
import { FilterForm } from "./FilterForm.tsx";
import { RecordOfProcessing } from "./RecordOfProcessing.tsx";
import { RecordTable } from "./RecordTable.tsx";
import { Shares } from "./Shares.tsx";
import { TextsArchive } from "./TextsArchive.tsx";
import type { DashboardView } from "./types.ts";
import { EraseForm } from "./EraseForm.tsx";

export type DashboardProps = {
  view: DashboardView;
  t: AdminStrings;
  languages: Record<Locale, string>;
};

/**
 * `/admin/`: figures and charts for the filtered range, a consent id's history, exports, the chain,
 * the texts.
 */
export function Dashboard({ view, t, languages }: DashboardProps) {
  const { filter, totals } = view;
  const l = t.dashboard;
  const range = `${filter.from || l.rangeStart}${l.rangeJoin}${filter.to || l.rangeToday}`;
  const chartLabels = { data: l.chartData, day: l.day };
  const actionName = (key: string) => t.actions[key as keyof AdminStrings["actions"]] ?? key;
  const seriesNamed = (data: DashboardView["byAction"]) => ({
    ...data,
    series: data.series.map((s) => ({ ...s, label: actionName(s.key) })),
  });
  return (
    <AdminLayout title={l.title} principal={view.principal} t={t} languages={languages}>
      <h1>{l.heading}</h1>
      <section aria-labelledby="filters">
        <h2 id="filters">{l.filtersHeading}</h2>
        <FilterForm
          filter={filter}
          actions={view.actions}
          policyVersions={view.policyVersions}
          t={t}
        />
      </section>
      {view.history && (
        <section aria-labelledby="history">
          <h2 id="history">
            {l.historyHeading} <code>{filter.consentId}</code>
          </h2>
          <RecordTable
            caption={fill(l.historyCaption, { n: view.history.length })}
            rows={view.history}
            t={t}
          />
          <EraseForm consentId={filter.consentId} records={view.history.length} />
        </section>
      )}
      <div class="grid">
        <section aria-labelledby="totals">
          <h2 id="totals">{fill(l.totalsHeading, { range })}</h2>
          <dl class="figures">
            <div>
              <dt>{l.decisions}</dt>
              <dd>{totals.records}</dd>
            </div>
            <div>
              <dt>{l.consentIds}</dt>
              <dd>{totals.consents}</dd>
            </div>
          </dl>
          <Shares
            caption={l.byAction}
            shares={view.actionShares}
            empty={l.noDecisions}
            name={actionName}
          />
        </section>
        <section aria-labelledby="rates">
          <h2 id="rates">{l.ratesHeading}</h2>
          <Shares caption={l.ratesCaption} shares={view.categoryShares} empty={l.noDecisions} />
        </section>
      </div>
      <section aria-labelledby="per-day">
        <h2 id="per-day">{l.perDayHeading}</h2>
        <DailyChart
          id="chart-actions"
          mode="stacked"
          title={l.chartActionsTitle}
          description={fill(l.chartActionsDescription, { range })}
          data={seriesNamed(view.byAction)}
          labels={chartLabels}
        />
        <DailyChart
          id="chart-categories"
          mode="grouped"
          title={l.chartCategoriesTitle}
          description={fill(l.chartCategoriesDescription, { range })}
          data={view.byCategory}
          labels={chartLabels}
        />
      </section>
      <section aria-labelledby="export">
        <h2 id="export">{l.exportHeading}</h2>
        <p>{l.exportLead}</p>
        <ul class="links">
          {view.exportLinks.map((link) => (
            <li>
              <a href={link.href} download>
                {link.format === "csv-excel" ? t.dashboard.excelCsv : link.format.toUpperCase()}
              </a>
            </li>
          ))}
        </ul>
        <p class="muted">
          {l.verifyHint}{" "}
          <code>
            npm run consent:verify -- FILE
            {view.chain.publicKey ? ` --public-key ${view.chain.publicKey}` : ""}
          </code>
        </p>
      </section>
      <section aria-labelledby="latest">
        <h2 id="latest">{l.latestHeading}</h2>
        <RecordTable
          caption={fill(l.latestCaption, { n: view.latest.length })}
          rows={view.latest}
          t={t}
        />
      </section>
      <ChainStatus chain={view.chain} t={t} />
      <TextsArchive texts={view.texts} t={t} />
      {view.ropa && <RecordOfProcessing ropa={view.ropa} t={t} />}
      <AccessLog access={view.access} refusals={view.refusals} t={t} />
    </AdminLayout>
  );
}
