import type { AdminStrings } from "../../content/schema.ts";
import type { TextsEntryView } from "./types.ts";

/**
 * Every set of consent texts shown, per policy version and language, each linking to the
 * texts themselves.
 */
export function TextsArchive({ texts, t }: { texts: TextsEntryView[]; t: AdminStrings }) {
  const l = t.texts;
  return (
    <section aria-labelledby="texts">
      <h2 id="texts">{l.heading}</h2>
      {texts.length === 0 ? (
        <p class="muted">{l.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{l.policyVersion}</th>
              <th>{l.locale}</th>
              <th>{l.firstShown}</th>
              <th>{l.hash}</th>
            </tr>
          </thead>
          <tbody>
            {texts.map((e) => (
              <tr>
                <td>
                  <code>{e.policyVersion}</code>
                </td>
                <td>{e.locale}</td>
                <td>{e.firstRecordedAt}</td>
                <td>
                  <a href={`/admin/texts/${e.hash}`}>
                    <code>{e.hash}</code>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
