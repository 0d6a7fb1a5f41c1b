import { pathFor } from "../../content/paths.ts";
import type { ConsentTextsView, ShownCategory } from "../../content/consent-view.ts";
import type { Locale } from "../../content/schema.ts";
import { ChoiceButton } from "./ChoiceButton.tsx";
import { CloseIcon } from "./CloseIcon.tsx";
import { NonceField } from "./NonceField.tsx";

export type ConsentBannerProps = {
  locale: Locale;
  texts: ConsentTextsView["banner"];
  /** The categories in use; the banner names the purpose of each optional one. */
  categories: ShownCategory[];
  /** The same-site path the visitor comes back to after choosing. */
  returnTo: string;
  /** The browser sent Sec-GPC or DNT. */
  signal: boolean;
  /** The per-view nonce of the form (see NonceField). */
  nonce?: string;
  /**
   * Shown again after a substantive change: what changed since the visitor's choice
   * (worker/consent/policy-changes.ts).
   */
  changes?: string;
};

/**
 * The first layer: a plain form, so it works without JavaScript. It sits in the page flow (not over
 * it), so it never hides the content or the focused element. Accept, Reject, Customize and the X
 * share one look. What the law wants on the first layer stays visible in one short paragraph, so
 * that on a phone the choices and the page's heading fit in the first screen; the longer
 * explanation waits in a native disclosure.
 */
export function ConsentBanner({
  locale,
  texts,
  categories,
  returnTo,
  signal,
  nonce,
  changes,
}: ConsentBannerProps) {
  const cookiePage = pathFor(locale, { page: "cookies" });
  const optional = categories.filter((c) => !c.required);
  return (
    <section
      class="consent-banner"
      aria-labelledby="consent-banner-title"
      lang={locale}
      data-consent-banner
    >
      <div class="wrap consent-inner">
        <form method="post" action="/consent" data-consent-form>
          <NonceField value={nonce} />
          <input type="hidden" name="return" value={returnTo} />
          <input type="hidden" name="source" value="banner" />
          {/* First in the source so the title and the notice flow around it; it is the first stop of Tab either way. */}
          <ChoiceButton action="close" class="consent-x" label={texts.close}>
            <CloseIcon />
          </ChoiceButton>
          <h2 id="consent-banner-title">{texts.title}</h2>
          {changes && <p class="consent-changes">{changes}</p>}
          <p class="consent-notice">
            {texts.intro}{" "}
            {optional.map((category, i) => (
              <span key={category.id} class="consent-purpose">
                {i > 0 && "; "}
                <strong>{category.name}</strong> ({category.summary})
              </span>
            ))}
            . {texts.closeNotice} {texts.withdrawNotice}
          </p>
          {signal && <p class="consent-signal">{texts.signalNotice}</p>}
          <div class="consent-actions">
            <ChoiceButton action="accept_all">{texts.acceptAll}</ChoiceButton>
            <ChoiceButton action="reject_all">{texts.rejectAll}</ChoiceButton>
            <a class="consent-button" href={`${cookiePage}#preferences`}>
              {texts.customize}
            </a>
            {/* In the row of the choices, where a phone's grid has a free cell; after them, so Tab keeps its order. */}
            <div class="consent-links">
              <a href={`${cookiePage}#policy`}>{texts.policyLink}</a>
              <details class="consent-more">
                <summary>{texts.details}</summary>
                <p>{texts.detailsIntro}</p>
                <ul>
                  {categories.map((category) => (
                    <li key={category.id}>
                      <strong>{category.name}</strong> —{" "}
                      {category.services.map((s) => s.name).join(", ")}. {category.description}
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          </div>
        </form>
        <p class="consent-done" role="status" tabIndex={-1} hidden data-consent-done>
          {texts.done}
        </p>
      </div>
    </section>
  );
}
