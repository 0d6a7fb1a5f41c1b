import { pathFor } from "../../content/paths.ts";
import type { ConsentTextsView, ShownCategory } from "../../content/consent-view.ts";
import type { Locale } from "../../content/schema.ts";
import { ChoiceButton } from "./ChoiceButton.tsx";
import { CloseIcon } from "./CloseIcon.tsx";

export type ConsentBannerProps = {
  locale: Locale;
  texts: ConsentTextsView["banner"];
  /** The categories in use; the banner names the purpose of each optional one. */
  categories: ShownCategory[];
  /** The same-site path the visitor comes back to after choosing. */
  returnTo: string;
  /** The browser sent Sec-GPC or DNT. */
  signal: boolean;
  /** Shown again after a substantive change: what changed since the visitor's choice (worker/consent/policy-changes.ts). */
  changes?: string;
};

/**
 * The first layer: a plain form, so it works without JavaScript. It sits in the page flow (not over it), so it
 * never hides the content or the focused element. Accept, Reject and the X share one look.
 */
export function ConsentBanner({ locale, texts, categories, returnTo, signal, changes }: ConsentBannerProps) {
  const cookiePage = pathFor(locale, { page: "cookies" });
  const optional = categories.filter((c) => !c.required);
  return (
    <section class="consent-banner" aria-labelledby="consent-banner-title" lang={locale} data-consent-banner>
      <div class="wrap consent-inner">
        <form method="post" action="/consent" data-consent-form>
          <input type="hidden" name="return" value={returnTo} />
          <input type="hidden" name="source" value="banner" />
          <h2 id="consent-banner-title">{texts.title}</h2>
          <ChoiceButton action="close" class="consent-x" label={texts.close}>
            <CloseIcon />
          </ChoiceButton>
          {changes && <p class="consent-changes">{changes}</p>}
          <p>{texts.intro}</p>
          <ul class="consent-purposes">
            {optional.map((category) => (
              <li key={category.id}>
                <strong>{category.name}</strong>: {category.summary}
              </li>
            ))}
          </ul>
          <p>
            {texts.closeNotice} {texts.withdrawNotice}
          </p>
          {signal && <p class="consent-signal">{texts.signalNotice}</p>}
          <div class="consent-actions">
            <ChoiceButton action="accept_all">{texts.acceptAll}</ChoiceButton>
            <ChoiceButton action="reject_all">{texts.rejectAll}</ChoiceButton>
            <a class="consent-button" href={`${cookiePage}#preferences`}>
              {texts.customize}
            </a>
          </div>
          <p class="consent-policy-link">
            <a href={`${cookiePage}#policy`}>{texts.policyLink}</a>
          </p>
        </form>
        <p class="consent-done" role="status" tabIndex={-1} hidden data-consent-done>
          {texts.done}
        </p>
      </div>
    </section>
  );
}
