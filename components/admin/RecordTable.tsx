import type { RecordRowView } from "./types.ts";

export type RecordTableProps = { caption: string; rows: RecordRowView[] };

/** Ledger records as a table; consent ids link to their full history, text hashes to the texts shown. */
export function RecordTable({ caption, rows }: RecordTableProps) {
  if (rows.length === 0) return <p class="muted">No records.</p>;
  return (
    <table>
      <caption class="muted">{caption}</caption>
      <thead>
        <tr>
          <th class="num">seq</th>
          <th>recorded (UTC)</th>
          <th>consent id</th>
          <th>action</th>
          <th>method</th>
          <th>granted</th>
          <th>denied</th>
          <th>signals</th>
          <th>locale</th>
          <th>policy</th>
          <th>texts</th>
          <th>event id</th>
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
            <td>{r.action}</td>
            <td>{r.method}</td>
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
