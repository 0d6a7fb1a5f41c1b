import type { AdminStrings } from "../../content/schema.ts";
import type { AccessEntryView } from "./types.ts";

/** The latest admin accesses, refused ones included: who (a person's e-mail or a token's name), how, what. */
export function AccessLog({ access, t }: { access: AccessEntryView[]; t: AdminStrings }) {
  const l = t.access;
  return (
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
  );
}
