import type { AccessEntryView } from "./types.ts";

/** The latest admin accesses, refused ones included. */
export function AccessLog({ access }: { access: AccessEntryView[] }) {
  return (
    <section aria-labelledby="access">
      <h2 id="access">Admin access log (latest)</h2>
      <table>
        <thead>
          <tr>
            <th>at (UTC)</th>
            <th>who</th>
            <th>how</th>
            <th>what</th>
            <th>request</th>
            <th class="num">status</th>
          </tr>
        </thead>
        <tbody>
          {access.map((a) => (
            <tr>
              <td>{a.at}</td>
              <td>{a.principal}</td>
              <td>{a.auth}</td>
              <td>{a.kind}</td>
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
