import { AdminLayout } from "./AdminLayout.tsx";
import { FieldRow } from "./FieldRow.tsx";
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
            <FieldRow label="policy version">
              <code>{view.policyVersion}</code>
            </FieldRow>
            <FieldRow label="locale">{view.locale}</FieldRow>
            <FieldRow label="first shown in a record">{view.firstRecordedAt}</FieldRow>
            <FieldRow label="SHA-256">
              <code>{view.hash}</code> (of the <a href={view.rawHref}>exact text</a>, as recorded in each decision's textsHash)
            </FieldRow>
          </tbody>
        </table>
      </section>
      <section aria-label="Texts">
        <pre>{view.pretty}</pre>
      </section>
    </AdminLayout>
  );
}
