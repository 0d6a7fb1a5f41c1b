import type { ConsentView, ShownCategory } from "../../content/consent-view.ts";
import { fill, formatDate } from "../format.ts";
import { ProcessingFacts } from "./ProcessingFacts.tsx";

export type ConsentPolicyProps = {
  consent: Pick<
    ConsentView,
    "texts" | "updated" | "dates" | "controller" | "consentLog" | "authority"
  >;
  /** The categories in use: the notice describes what actually runs, nothing else. */
  categories: ShownCategory[];
};

/**
 * The full notice (GDPR art. 13): who decides and how to reach them and the DPO, each processing
 * with its purpose, basis, data, recipients, retention and transfers (the consent log first), then
 * the rights and how to use them.
 */
export function ConsentPolicy({ consent, categories }: ConsentPolicyProps) {
  const { texts: all, controller, consentLog, authority } = consent;
  const texts = all.policy;
  const labels = texts.processing;
  return (
    <section id="policy" class="consent-policy" aria-labelledby="policy-title">
      <h2 id="policy-title">{texts.title}</h2>
      <p class="muted">
        <time datetime={consent.updated}>
          {fill(texts.updated, { date: formatDate(consent.updated, consent.dates) })}
        </time>
      </p>
      <h3 id="policy-controller">{texts.controller.heading}</h3>
      {controller.toConfirm && (
        <p class="notice" data-to-confirm>
          {texts.toConfirm}
        </p>
      )}
      <p>{texts.controller.lead}</p>
      <dl class="consent-facts" data-controller>
        <dt>{controller.name}</dt>
        <dd>
          {texts.controller.address}: {controller.address}
          <br />
          {texts.controller.email}: <a href={`mailto:${controller.email}`}>{controller.email}</a>
          <br />
          {texts.controller.website}:{" "}
          <a href={controller.website}>{new URL(controller.website).hostname}</a>
        </dd>
        <dt>{texts.controller.dpo}</dt>
        <dd>
          <a href={`mailto:${controller.dpo.email}`}>{controller.dpo.email}</a>
          <br />
          {controller.dpo.address}
        </dd>
      </dl>
      <h3 id="policy-processing">{labels.heading}</h3>
      <p>{labels.lead}</p>
      <p>{labels.consentLog}</p>
      <ProcessingFacts
        id="consent-log"
        title={consentLog.name}
        processing={consentLog}
        labels={labels}
      />
      {categories.flatMap((category) =>
        category.services.map((service) => (
          <ProcessingFacts
            key={service.id}
            id={service.id}
            title={`${category.name}: ${service.name}`}
            processing={service}
            labels={labels}
          />
        )),
      )}
      <p>{labels.transferCopy}</p>
      <p>{labels.provision}</p>
      {texts.sections.map((section) => (
        <>
          <h3>{section.heading}</h3>
          {section.paragraphs.map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </>
      ))}
      <h3 id="policy-rights">{texts.rights.heading}</h3>
      <p>{texts.rights.lead}</p>
      <ul data-rights>
        {texts.rights.items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <p>{fill(texts.rights.exercise, { email: controller.email })}</p>
      <p>{texts.rights.complaint}</p>
      <address data-authority>
        {authority.name}
        <br />
        {authority.address}
        <br />
        <a href={`mailto:${authority.email}`}>{authority.email}</a> ·{" "}
        <a href={authority.website}>{new URL(authority.website).hostname}</a>
      </address>
    </section>
  );
}
