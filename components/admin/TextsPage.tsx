import { AdminLayout } from "./AdminLayout.tsx";
import type { TextsPageView } from "./types.ts";

/** One archived set of consent texts, exactly as shown to visitors under a policy version. */
export function TextsPage({ view, principal }: { view: TextsPageView; principal: string }) {
  return (
    <AdminLayout title={`Consent texts ${view.hash.slice(0, 12)} · admin`} principal={principal}>
      <p>
        <a href="/admin/">← Dashboard</a>
      </p>
      <h1>Consent texts shown</h1>
      <section>
        <table>
          <tbody>
            <tr>
              <th scope="row">policy version</th>
              <td>
                <code>{view.policyVersion}</code>
              </td>
            </tr>
            <tr>
              <th scope="row">locale</th>
              <td>{view.locale}</td>
            </tr>
            <tr>
              <th scope="row">first shown in a record</th>
              <td>{view.firstRecordedAt}</td>
            </tr>
            <tr>
              <th scope="row">SHA-256</th>
              <td>
                <code>{view.hash}</code> (of the <a href={view.rawHref}>exact text</a>, as recorded in each decision's textsHash)
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section aria-label="Texts">
        <pre>{view.pretty}</pre>
      </section>
    </AdminLayout>
  );
}
