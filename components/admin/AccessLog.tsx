import type { AdminStrings } from "../../content/schema.ts";
import type { AccessEntryView, RefusalView } from "./types.ts";

/**
 * The latest admin accesses by known callers (a person's e-mail or a token's name: who, how, what),
 * then refused requests counted per hour and reason, so anonymous traffic can neither bury nor grow
 * the log.
 */
export function AccessLog({
  access,
  refusals,
  t,
}: {
  access: AccessEntryView[];
  refusals: RefusalView[];
  t: AdminStrings;
}) {
  const l = t.access;
  const r = t.refusals;
  return (
    <>
      <section aria-labelledby="access">
        <h2 id="access">{l.heading}</h2>
        <table>
          <thead>
            <tr>
              <th>{l.at}</th>
              <th>{l.who}</th>
              <th>{l.how}</th>
              <th>{l.what}</th>
              <th>{l.request}</th>
              <th class="num">{l.status}</th>
            </tr>
          </thead>
          <tbody>
            {access.map((a) => (
              <tr>
                <td>{a.at}</td>
                <td>{a.principal}</td>
                <td>{l.auths[a.auth as keyof typeof l.auths] ?? a.auth}</td>
                <td>{l.kinds[a.kind as keyof typeof l.kinds] ?? a.kind}</td>
                <td>
                  <code>{`${a.method} ${a.path}${a.query ? `?${a.query}` : ""}`}</code>
                </td>
                <td class="num">{a.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="refusals">
        <h2 id="refusals">{r.heading}</h2>
        {refusals.length === 0 ? (
          <p class="muted">{r.none}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{r.hour}</th>
                <th>{r.reason}</th>
                <th class="num">{r.status}</th>
                <th class="num">{r.requests}</th>
              </tr>
            </thead>
            <tbody>
              {refusals.map((row) => (
                <tr>
                  <td>{`${row.hour.replace("T", " ")}:00`}</td>
                  <td>{r.reasons[row.reason as keyof typeof r.reasons] ?? row.reason}</td>
                  <td class="num">{row.status}</td>
                  <td class="num">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
