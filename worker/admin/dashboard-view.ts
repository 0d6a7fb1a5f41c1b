// Shaping the dashboard's rows for display: every day of the range, shares, record rows. Pure.
import type {
  ChartData,
  DashboardView,
  FilterValues,
  RecordRowView,
  ShareView,
} from "../../components/admin/types.ts";
import { type RecordRow, rowToHead, rowToRecord } from "../ledger/log-store.ts";
import { ACTIONS } from "../../content/ledger-vocabulary.ts";
import type { RecordBody } from "../ledger/record-types.ts";
import type { DashboardData } from "./dashboard-data.ts";

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

export type DashboardContext = {
  principal: string;
  filter: FilterValues;
  exportLinks: DashboardView["exportLinks"];
  publicKey: string | null;
  retentionDays: number;
  ropa?: DashboardView["ropa"];
};

export function toDashboardView(data: DashboardData, context: DashboardContext): DashboardView {
  const days = dayRange(context.filter, data);
  const categories = [...new Set(data.byDayCategory.map((r) => r.category))].sort();
  const total = data.totals.records;
  const head = data.lastCheckpoint && rowToHead(data.lastCheckpoint);
  return {
    principal: context.principal,
    filter: context.filter,
    actions: ACTIONS,
    policyVersions: [...new Set(data.texts.map((t) => t.policy_version))],
    totals: data.totals,
    actionShares: sharesOf(
      ACTIONS,
      data.byDayAction.map((r) => [r.action, r.n]),
      total,
    ),
    categoryShares: sharesOf(
      categories,
      data.byDayCategory.map((r) => [r.category, r.granted]),
      total,
    ),
    byAction: chart(
      days,
      ACTIONS,
      data.byDayAction.map((r) => [r.day, r.action, r.n]),
    ),
    byCategory: chart(
      days,
      categories,
      data.byDayCategory.map((r) => [r.day, r.category, r.granted]),
    ),
    history: data.history && data.history.map(toRowView),
    latest: data.latest.map(toRowView),
    exportLinks: context.exportLinks,
    chain: {
      records: data.chain.records,
      firstSeq: data.chain.first_seq,
      headSeq: data.chain.head_seq,
      headAt: data.chain.head_at,
      lastCheckpoint: head && { seq: head.size, signedAt: head.timestamp, keyId: head.keyId },
      publicKey: context.publicKey,
      retentionDays: context.retentionDays,
      lastPurge: data.lastPurge && {
        purgedAt: data.lastPurge.purged_at,
        throughSeq: data.lastPurge.through_seq,
        records: data.lastPurge.records,
      },
    },
    texts: data.texts.map((t) => ({
      hash: t.texts_hash,
      policyVersion: t.policy_version,
      locale: t.locale,
      firstRecordedAt: t.first_recorded_at,
    })),
    access: data.access,
    refusals: data.refusals.map((r) => ({
      hour: r.hour,
      reason: r.reason,
      status: r.status,
      count: r.count,
      lastAt: r.last_at,
    })),
    ropa: context.ropa ?? null,
  };
}

export function toRowView(row: RecordRow): RecordRowView {
  const r: RecordBody = rowToRecord(row);
  const names = (granted: boolean) =>
    Object.keys(r.categories).filter((k) => r.categories[k] === granted);
  const { categories: _c, ...rest } = r;
  return { ...rest, granted: names(true), denied: names(false) };
}

/**
 * Every day from the filter's `from` (or the first day with data) to its `to` (or the last), at
 * most a year.
 */
export function dayRange(
  filter: Pick<FilterValues, "from" | "to">,
  data: Pick<DashboardData, "byDayAction">,
): string[] {
  const seen = data.byDayAction.map((r) => r.day);
  const from = filter.from || seen[0];
  const to = filter.to || seen[seen.length - 1];
  if (!from || !to) return [];
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to) && days.length < MAX_DAYS; t += DAY_MS)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function chart(
  days: string[],
  keys: readonly string[],
  cells: [string, string, number][],
): ChartData {
  const index = new Map(days.map((d, i) => [d, i]));
  const series = keys.map((key) => ({ key, label: key, values: days.map(() => 0) }));
  for (const [day, key, n] of cells) {
    const i = index.get(day);
    const s = series.find((x) => x.key === key);
    if (i !== undefined && s) s.values[i] = (s.values[i] ?? 0) + n;
  }
  return { days, series };
}

function sharesOf(keys: readonly string[], counts: [string, number][], total: number): ShareView[] {
  if (total === 0) return [];
  return keys.map((key) => ({
    key,
    count: counts.filter(([k]) => k === key).reduce((sum, [, n]) => sum + n, 0),
    total,
  }));
}
