import type { AdminStrings } from "../../content/schema.ts";
import type { RecordRowView } from "./types.ts";

export type RecordTableProps = { caption: string; rows: RecordRowView[]; t: AdminStrings };

/**
 * Ledger records as a table; consent ids link to their full history, text hashes to the
 * texts shown.
 */
export function RecordTable({ caption, rows, t }: RecordTableProps) {
  const l = t.records;
  if (rows.length === 0) return <p class="muted">{t.dashboard.noRecords}</p>;
  const named = <K extends "actions" | "methods">(group: K, key: string) =>
    (t[group] as Record<string, string>)[key] ?? key;
  return (
    <table>
      <caption class="muted">{caption}</caption>
      <thead>
        <tr>
          <th class="num">{l.seq}</th>
          <th>{l.recordedAt}</th>
          <th>{l.consentId}</th>
          <th>{l.action}</th>
          <th>{l.method}</th>
          <th>{l.granted}</th>
          <th>{l.denied}</th>
          <th>{l.signals}</th>
          <th>{l.locale}</th>
          <th>{l.policy}</th>
          <th>{l.texts}</th>
          <th>{l.eventId}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td class="num">{r.seq}</td>
            <td>{r.recordedAt}</td>
            <td>
              <a href={`/admin/?consent_id=${encodeURIComponent(r.consentId)}`}>
                <code>{r.consentId}</code>
              </a>
            </td>
            <td data-action={r.action}>{named("actions", r.action)}</td>
            <td>{named("methods", r.method)}</td>
            <td>{r.granted.join(", ")}</td>
            <td>{r.denied.join(", ")}</td>
            <td>{r.signals.join(", ")}</td>
            <td>{r.locale}</td>
            <td>
              <code>{r.policyVersion}</code>
            </td>
            <td>
              <a href={`/admin/texts/${r.textsHash}`}>
                <code>{r.textsHash.slice(0, 12)}</code>
              </a>
            </td>
            <td>
              <code>{r.eventId}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
