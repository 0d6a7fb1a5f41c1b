import type { AccessEntryView, RefusalView } from "./types.ts";

/** What each refusal reason means, for the person reading the dashboard. */
const REASONS: Record<string, string> = {
  no_credentials: "no credentials",
  wrong_token: "wrong token",
  invalid_access_token: "invalid Access token",
  admin_closed: "admin not configured",
  access_unverifiable: "Access keys unreachable",
  other: "other",
  unclassified: "refused (logged before counting)",
};

/** The latest admin accesses by known callers, then refused requests counted per hour and reason. */
export function AccessLog({ access, refusals }: { access: AccessEntryView[]; refusals: RefusalView[] }) {
  return (
    <>
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
      <section aria-labelledby="refusals">
        <h2 id="refusals">Refused admin requests, per hour</h2>
        {refusals.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>hour (UTC)</th>
                <th>reason</th>
                <th class="num">status</th>
                <th class="num">requests</th>
              </tr>
            </thead>
            <tbody>
              {refusals.map((r) => (
                <tr>
                  <td>{`${r.hour.replace("T", " ")}:00`}</td>
                  <td>{REASONS[r.reason] ?? r.reason}</td>
                  <td class="num">{r.status}</td>
                  <td class="num">{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
