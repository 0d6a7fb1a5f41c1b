// The record of processing activities (GDPR art. 30) for consent management and each tool the site
// can load, from the consent configuration the notice is rendered from: one source, so the two
// cannot disagree. Pure.
import type { ConsentView } from "./consent-view.ts";
import type { AdminStrings } from "./schema.ts";

export type ProcessingEntry = {
  id: string;
  activity: string;
  /** The binding without which the tool does not run (GA_MEASUREMENT_ID), or null. */
  requires: string | null;
  purpose: string;
  basis: string;
  data: string;
  subjects: string;
  recipients: string;
  transfers: string;
  erasure: string;
  security: string;
};

export type RecordOfProcessing = {
  controller: ConsentView["controller"];
  entries: ProcessingEntry[];
};

type Source = Pick<ConsentView, "controller" | "consentLog" | "categories" | "services">;

/**
 * The consent log first, then every service in the configuration (shown or not: the record covers
 * what may run).
 */
export function buildRecordOfProcessing(view: Source): RecordOfProcessing {
  const log = view.consentLog;
  const entries: ProcessingEntry[] = [
    {
      id: "consent-log",
      activity: log.name,
      requires: null,
      purpose: log.purpose,
      basis: log.legalBasis,
      transfers: log.transfer,
      ...fromRecord(log.record),
    },
    ...view.services.map((service) => ({
      id: service.id,
      activity: `${view.categories.find((c) => c.id === service.category)?.name ?? service.category}: ${service.name}`,
      requires: service.requires ?? null,
      purpose: service.purpose,
      basis: service.legalBasis,
      transfers: service.transfer,
      ...fromRecord(service.record),
    })),
  ];
  return { controller: view.controller, entries };
}

function fromRecord(record: ConsentView["consentLog"]["record"]) {
  return {
    data: record.data,
    subjects: record.subjects,
    recipients: record.recipients,
    erasure: record.retention,
    security: record.security,
  };
}

/** The art. 30(1) items of each processing, in the order the README and the dashboard show them. */
export const RECORD_ROWS = [
  "purpose",
  "basis",
  "data",
  "subjects",
  "recipients",
  "transfers",
  "erasure",
  "security",
] as const;

/**
 * The record as a Markdown table (README): one column per processing, one row per art. 30(1) item.
 */
export function renderRecordMarkdown(
  ropa: RecordOfProcessing,
  labels: AdminStrings["record"],
): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const { controller } = ropa;
  const confirm = controller.toConfirm ? ` (${labels.toConfirm})` : "";
  const head = ropa.entries.map((e) =>
    cell(
      e.requires
        ? `${e.activity} (${labels.onlyWith.replace("{binding}", `\`${e.requires}\``)})`
        : e.activity,
    ),
  );
  return [
    `${labels.controller}: ${controller.name}, ${controller.address}, ${controller.email}${confirm}. ${labels.dpo}: ${controller.dpo.email}, ${controller.dpo.address}${confirm}.`,
    "",
    `| ${labels.activity} | ${head.join(" | ")} |`,
    `|---|${ropa.entries.map(() => "---|").join("")}`,
    ...RECORD_ROWS.map(
      (row) => `| ${labels[row]} | ${ropa.entries.map((e) => cell(e[row])).join(" | ")} |`,
    ),
  ].join("\n");
}
