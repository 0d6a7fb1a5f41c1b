import { pathFor } from "../../content/paths.ts";
import type { ConsentTextsView, ShownCategory } from "../../content/consent-view.ts";
import type { Locale } from "../../content/schema.ts";
import { ChoiceButton } from "./ChoiceButton.tsx";
import { ConsentCategory } from "./ConsentCategory.tsx";
import { ConsentReceipt } from "./ConsentReceipt.tsx";

export type ConsentPreferencesProps = { locale: Locale; texts: ConsentTextsView; categories: ShownCategory[] };

/**
 * The second layer, consent-neutral: every optional switch off, no receipt. The Worker turns on the switches the
 * visitor granted, fills in the receipt and shows the privacy-signal notice, per visitor, after rendering.
 */
export function ConsentPreferences({ locale, texts, categories }: ConsentPreferencesProps) {
  const labels = texts.preferences;
  return (
    <section id="preferences" class="consent-preferences" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{labels.title}</h2>
      <p>{labels.lead}</p>
      <ConsentReceipt locale={locale} texts={texts.receipt} />
      <p class="notice" hidden data-consent-signal>
        {texts.banner.signalNotice}
      </p>
      <form method="post" action="/consent" data-consent-preferences>
        <input type="hidden" name="return" value={`${pathFor(locale, { page: "cookies" })}#preferences`} />
        <input type="hidden" name="source" value="preferences" />
        {categories.map((category) => (
          <ConsentCategory key={category.id} category={category} labels={labels} />
        ))}
        <p class="muted">{labels.saveHint}</p>
        <div class="consent-actions">
          <ChoiceButton action="accept_all">{labels.acceptAll}</ChoiceButton>
          <ChoiceButton action="reject_all">{labels.rejectAll}</ChoiceButton>
          <ChoiceButton action="save">{labels.save}</ChoiceButton>
        </div>
      </form>
    </section>
  );
}
