import {
  type RecordOfProcessing as Record,
  RECORD_ROWS as ROWS,
} from "../../content/record-of-processing.ts";
import type { AdminStrings } from "../../content/schema.ts";
import { fill } from "../format.ts";

/** The record of processing (GDPR art. 30): controller and DPO, then one column per processing. */
export function RecordOfProcessing({ ropa, t }: { ropa: Record; t: AdminStrings }) {
  const l = t.record;
  const { controller } = ropa;
  return (
    <section aria-labelledby="ropa" data-ropa>
      <h2 id="ropa">{l.heading}</h2>
      <p class="muted">{l.lead}</p>
      <p>
        <strong>{l.controller}</strong>: {controller.name}, {controller.address}, {controller.email}
        {controller.toConfirm && <span class="warn"> ({l.toConfirm})</span>}
        <br />
        <strong>{l.dpo}</strong>: {controller.dpo.email}, {controller.dpo.address}
      </p>
      <table>
        <thead>
          <tr>
            <th>{l.activity}</th>
            {ropa.entries.map((e) => (
              <th scope="col" data-entry={e.id}>
                {e.activity}
                {e.requires && (
                  <span class="muted"> ({fill(l.onlyWith, { binding: e.requires })})</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr>
              <th scope="row">{l[row]}</th>
              {ropa.entries.map((e) => (
                <td>{e[row]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
