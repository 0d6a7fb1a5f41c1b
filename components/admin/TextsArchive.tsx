import type { TextsEntryView } from "./types.ts";

/** Every set of consent texts shown, per policy version and language, each linking to the texts themselves. */
export function TextsArchive({ texts }: { texts: TextsEntryView[] }) {
  return (
    <section aria-labelledby="texts">
      <h2 id="texts">Consent texts shown, by policy version</h2>
      {texts.length === 0 ? (
        <p class="muted">None archived yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>policy version</th>
              <th>locale</th>
              <th>first shown in a record</th>
              <th>SHA-256 of the texts</th>
            </tr>
          </thead>
          <tbody>
            {texts.map((t) => (
              <tr>
                <td>
                  <code>{t.policyVersion}</code>
                </td>
                <td>{t.locale}</td>
                <td>{t.firstRecordedAt}</td>
                <td>
                  <a href={`/admin/texts/${t.hash}`}>
                    <code>{t.hash}</code>
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
