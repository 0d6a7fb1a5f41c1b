import { pathFor } from "../../content/paths.ts";
import type { ConsentTextsView, ShownCategory } from "../../content/consent-view.ts";
import type { Locale } from "../../content/schema.ts";
import { ChoiceButton } from "./ChoiceButton.tsx";
import { ConsentCategory } from "./ConsentCategory.tsx";
import { ConsentReceipt } from "./ConsentReceipt.tsx";
import type { ConsentRender } from "./consent-render.ts";
import { NonceField } from "./NonceField.tsx";

export type ConsentPreferencesProps = {
  locale: Locale;
  texts: ConsentTextsView;
  categories: ShownCategory[];
  consentState?: ConsentRender;
};

/**
 * The second layer: a switch per category, on where the visitor granted it, the visitor's receipt,
 * and the privacy-signal notice when their browser sends one.
 */
export function ConsentPreferences({
  locale,
  texts,
  categories,
  consentState,
}: ConsentPreferencesProps) {
  const labels = texts.preferences;
  if (consentState) consentState.placed.preferences = true;
  return (
    <section id="preferences" class="consent-preferences" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{labels.title}</h2>
      <p>{labels.lead}</p>
      <ConsentReceipt
        locale={locale}
        texts={texts.receipt}
        choice={consentState?.receipt}
        nonce={consentState?.nonce}
      />
      <p class="notice" hidden={!consentState?.signal} data-consent-signal>
        {texts.banner.signalNotice}
      </p>
      <form method="post" action="/consent" data-consent-preferences>
        <NonceField value={consentState?.nonce} />
        <input
          type="hidden"
          name="return"
          value={`${pathFor(locale, { page: "cookies" })}#preferences`}
        />
        <input type="hidden" name="source" value="preferences" />
        {categories.map((category) => (
          <ConsentCategory
            key={category.id}
            category={category}
            labels={labels}
            granted={consentState?.granted.includes(category.id) ?? false}
          />
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
