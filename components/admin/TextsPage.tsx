import type { AdminStrings, Locale } from "../../content/schema.ts";
import { fill } from "../format.ts";
import { AdminLayout } from "./AdminLayout.tsx";
import { ArchivedFrame } from "./ArchivedFrame.tsx";
import { FieldRow } from "./FieldRow.tsx";
import { ShownArchive } from "./ShownArchive.tsx";
import type { ArchiveView, TextsPageView } from "./types.ts";

export type TextsPageProps = {
  view: TextsPageView;
  principal: string;
  t: AdminStrings;
  languages: Record<Locale, string>;
  /**
   * D25: per policy version these texts served, its archive in their language (null when none
   * was made).
   */
  archives?: { policyVersion: string; archive: ArchiveView | null }[];
};

/**
 * One archived set of consent texts: its facts, then the texts rendered as the visitor saw them
 * (or, for an earlier format, their content).
 */
export function TextsPage({ view, principal, t, languages, archives = [] }: TextsPageProps) {
  const l = t.texts;
  const [before = "", after = ""] = l.hashNote.split("{raw}");
  return (
    <AdminLayout
      title={fill(l.pageTitle, { hash: view.hash.slice(0, 12) })}
      principal={principal}
      t={t}
      languages={languages}
    >
      <p>
        <a href="/admin/">{l.back}</a>
      </p>
      <h1>{l.pageHeading}</h1>
      <section>
        <table>
          <tbody>
            <FieldRow label={l.policyVersion}>
              <code>{view.policyVersion}</code>
            </FieldRow>
            <FieldRow label={l.locale}>{view.locale}</FieldRow>
            <FieldRow label={l.firstShown}>{view.firstRecordedAt}</FieldRow>
            <FieldRow label="SHA-256">
              <code>{view.hash}</code> ({before}
              <a href={view.rawHref}>{l.raw}</a>
              {after})
            </FieldRow>
          </tbody>
        </table>
      </section>
      {view.renderedHref ? (
        <section aria-labelledby="rendered">
          <h2 id="rendered">{l.renderedHeading}</h2>
          <p class="muted">{l.renderedNote}</p>
          <ArchivedFrame src={view.renderedHref} title={l.frameTitle} />
        </section>
      ) : (
        <section aria-labelledby="rendered">
          <h2 id="rendered">{l.renderedHeading}</h2>
          <p class="muted">{l.notRenderable}</p>
          <pre>{view.pretty}</pre>
        </section>
      )}
      {archives.map((a) => (
        <ShownArchive
          key={a.policyVersion}
          policyVersion={a.policyVersion}
          archive={a.archive}
          t={t}
        />
      ))}
    </AdminLayout>
  );
}
