import { pathFor } from "../../content/paths.ts";
import type { ConsentTextsView } from "../../content/consent-view.ts";
import type { Locale, UiStrings } from "../../content/schema.ts";
import { formatDate } from "../format.ts";
import { ChoiceButton } from "./ChoiceButton.tsx";
import { NonceField } from "./NonceField.tsx";

/** What the visitor chose, as the Worker read it from their signed cookie. */
export type ReceiptChoice = {
  consentId: string;
  /** ISO 8601, UTC. */
  decidedAt: string;
  categories: { id: string; name: string; granted: boolean }[];
  dates: UiStrings["dates"];
};

export type ConsentReceiptProps = {
  locale: Locale;
  texts: ConsentTextsView["receipt"];
  choice?: ReceiptChoice;
  /** The per-view nonce of the withdrawal form. */
  nonce?: string;
  /** The policy version the choice was made under. */
  policyVersion?: string;
  /** SHA-256 of the exact consent texts shown, as the ledger recorded it. */
  textsHash?: string;
};

/**
 * The URL of the visitor's verifiable receipt file (worker/ledger/log-routes.ts): a plain link, no
 * script needed.
 */
export const RECEIPT_URL = "/consent/receipt";

// Until the site's strings carry them (content/strings.json), the receipt's new labels live here.
const LABELS = {
  it: {
    policyVersion: "Versione dell'informativa",
    textsHash: "Impronta dei testi mostrati (SHA-256)",
    download: "Scarica la ricevuta (JSON)",
    downloadHint:
      "Firmata dal registro dei consensi: chiunque può verificarla con la chiave pubblica del sito.",
  },
  en: {
    policyVersion: "Policy version",
    textsHash: "Fingerprint of the texts shown (SHA-256)",
    download: "Download the receipt (JSON)",
    downloadHint: "Signed by the consent log: anyone can verify it with the site's public key.",
  },
} as const;

/**
 * The receipt a visitor can quote in a data request, with one-click withdrawal and a verifiable
 * file. Without a choice, says so.
 */
export function ConsentReceipt({
  locale,
  texts,
  choice,
  nonce,
  policyVersion,
  textsHash,
}: ConsentReceiptProps) {
  const labels = LABELS[locale];
  const anyGranted = choice?.categories.some((c) => c.granted) ?? false;
  return (
    <div class="consent-receipt" id="consent-receipt" data-consent-receipt>
      <h3>{texts.title}</h3>
      {!choice ? (
        <p>{texts.none}</p>
      ) : (
        <>
          <dl class="consent-facts">
            <dt>{texts.consentId}</dt>
            <dd>
              <code data-consent-id>{choice.consentId}</code>
            </dd>
            <dt>{texts.date}</dt>
            <dd>
              <time datetime={choice.decidedAt}>
                {formatDateTime(choice.decidedAt, choice.dates)}
              </time>
            </dd>
            {policyVersion && (
              <>
                <dt>{labels.policyVersion}</dt>
                <dd>
                  <code data-policy-version>{policyVersion}</code>
                </dd>
              </>
            )}
            {textsHash && (
              <>
                <dt>{labels.textsHash}</dt>
                <dd>
                  <code data-texts-hash class="consent-hash">
                    {textsHash}
                  </code>
                </dd>
              </>
            )}
            <dt>{texts.choices}</dt>
            <dd>
              <ul class="consent-choices">
                {choice.categories.map((category) => (
                  <li
                    key={category.id}
                    data-consent-choice={category.id}
                    data-granted={String(category.granted)}
                  >
                    {category.name}:{" "}
                    <strong>{category.granted ? texts.granted : texts.denied}</strong>
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          <p class="muted">{texts.quote}</p>
          <p class="consent-receipt-file">
            <a
              href={RECEIPT_URL}
              download={`consent-receipt-${choice.consentId}.json`}
              type="application/json"
              aria-describedby="receipt-file-hint"
              data-consent-receipt-file
            >
              {labels.download}
            </a>{" "}
            <span id="receipt-file-hint" class="muted">
              {labels.downloadHint}
            </span>
          </p>
          {anyGranted && (
            <form method="post" action="/consent" class="consent-withdraw">
              <NonceField value={nonce} />
              <input
                type="hidden"
                name="return"
                value={`${pathFor(locale, { page: "cookies" })}#preferences`}
              />
              <input type="hidden" name="source" value="preferences" />
              <ChoiceButton action="reject_all" describedBy="withdraw-hint">
                {texts.withdraw}
              </ChoiceButton>
              <span id="withdraw-hint" class="muted">
                {texts.withdrawHint}
              </span>
            </form>
          )}
        </>
      )}
    </div>
  );
}

/** "25/11/2026 14:05 UTC": the receipt states the server's time, in UTC, as the ledger does. */
function formatDateTime(iso: string, dates: UiStrings["dates"]): string {
  return `${formatDate(iso.slice(0, 10), dates)} ${iso.slice(11, 16)} UTC`;
}
