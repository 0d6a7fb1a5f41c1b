import type { AdminStrings } from "../../content/schema.ts";
import { fill } from "../format.ts";
import { ArchivedFrame } from "./ArchivedFrame.tsx";
import { FieldRow } from "./FieldRow.tsx";
import type { ArchiveView } from "./types.ts";

export type ShownArchiveProps = {
  policyVersion: string;
  archive: ArchiveView | null;
  t: AdminStrings;
};

/**
 * D25, beside the texts: the archive of one policy version in the texts' language. Its facts and
 * whether its bytes are intact; the archived banner and preferences in sandboxed frames; the
 * screenshots; every file with its hash.
 */
export function ShownArchive({ policyVersion, archive, t }: ShownArchiveProps) {
  const l = t.archive;
  const id = `archive-${policyVersion}`;
  if (!archive) {
    return (
      <section aria-labelledby={id}>
        <h2 id={id}>{fill(l.heading, { version: policyVersion })}</h2>
        <p class="muted">{l.none}</p>
      </section>
    );
  }
  const layer = (name: string) =>
    name === "banner" ? l.banner : name === "preferences" ? l.preferences : name;
  const viewport = (name: string) =>
    name === "phone" ? l.phone : name === "desktop" ? l.desktop : name;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{fill(l.heading, { version: policyVersion })}</h2>
      <table>
        <tbody>
          <FieldRow label={l.capturedAt}>{archive.capturedAt}</FieldRow>
          <FieldRow label={l.browser}>Chromium {archive.chromium}</FieldRow>
          <FieldRow label={l.markupHash}>
            <code class="hash">{archive.markupHash}</code> ·{" "}
            <strong>{archive.intact ? l.intact : l.altered}</strong>
          </FieldRow>
          <FieldRow label={l.records}>{fill(l.recordsCount, archive.records)}</FieldRow>
        </tbody>
      </table>
      <h3>{l.markupHeading}</h3>
      <p class="muted">{l.markupNote}</p>
      <ArchivedFrame src={archive.bannerHref} title={l.bannerFrame} wide />
      <ArchivedFrame src={archive.preferencesHref} title={l.preferencesFrame} />
      <h3>{l.screenshotsHeading}</h3>
      <ul class="shots">
        {archive.screenshots.map((s) => {
          const caption = fill(l.screenshot, {
            layer: layer(s.layer),
            viewport: viewport(s.viewport),
          });
          return (
            <li key={s.href}>
              <figure>
                <a href={s.href}>
                  <img src={s.href} alt={caption} loading="lazy" />
                </a>
                <figcaption>{caption}</figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
      <h3>{l.filesHeading}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{l.file}</th>
            <th scope="col">SHA-256</th>
            <th scope="col">{l.state}</th>
          </tr>
        </thead>
        <tbody>
          {archive.files.map((f) => (
            <tr key={f.file}>
              <td>
                <a href={f.href}>{f.file}</a>
              </td>
              <td>
                <code class="hash">{f.sha256}</code>
              </td>
              <td>{f.intact ? l.ok : <strong>{l.bad}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
