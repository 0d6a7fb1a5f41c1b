import type { ConsentTextsView, ConsentView } from "../../content/consent-view.ts";

type Processing = Pick<ConsentView["consentLog"], "purpose" | "legalBasis" | "transfer" | "record">;

export type ProcessingFactsProps = {
  id: string;
  title: string;
  processing: Processing;
  labels: ConsentTextsView["policy"]["processing"];
};

/**
 * One processing as the notice tells it: purpose, legal basis, data, who, recipients,
 * retention, transfers.
 */
export function ProcessingFacts({ id, title, processing, labels }: ProcessingFactsProps) {
  const { record } = processing;
  return (
    <div class="consent-service" data-processing={id}>
      <h4>{title}</h4>
      <dl class="consent-facts">
        <dt>{labels.purpose}</dt>
        <dd>{processing.purpose}</dd>
        <dt>{labels.basis}</dt>
        <dd>{processing.legalBasis}</dd>
        <dt>{labels.data}</dt>
        <dd>{record.data}</dd>
        <dt>{labels.subjects}</dt>
        <dd>{record.subjects}</dd>
        <dt>{labels.recipients}</dt>
        <dd>{record.recipients}</dd>
        <dt>{labels.retention}</dt>
        <dd>{record.retention}</dd>
        <dt>{labels.transfer}</dt>
        <dd>{processing.transfer}</dd>
      </dl>
    </div>
  );
}
