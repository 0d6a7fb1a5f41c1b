import type { ConsentTextsView } from "../../content/consent-view.ts";
import type { UiStrings } from "../../content/schema.ts";
import { fill, formatDate } from "../format.ts";

export type ConsentPolicyProps = { texts: ConsentTextsView["policy"]; updated: string; dates: UiStrings["dates"] };

/** The full cookie notice: who, what, why, how long, how to change your mind. */
export function ConsentPolicy({ texts, updated, dates }: ConsentPolicyProps) {
  return (
    <section id="policy" class="consent-policy" aria-labelledby="policy-title">
      <h2 id="policy-title">{texts.title}</h2>
      <p class="muted">
        <time datetime={updated}>{fill(texts.updated, { date: formatDate(updated, dates) })}</time>
      </p>
      {texts.sections.map((section) => (
        <>
          <h3>{section.heading}</h3>
          {section.paragraphs.map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </>
      ))}
    </section>
  );
}
