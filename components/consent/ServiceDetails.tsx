import type { ConsentServiceView, ConsentTextsView } from "../../content/consent-view.ts";
import { fill } from "../format.ts";
import { formatMaxAge } from "./format-duration.ts";

export type ServiceDetailsProps = {
  service: ConsentServiceView;
  labels: ConsentTextsView["preferences"];
};

/**
 * A service: who provides it, why, on what basis, where the data goes, and the table of
 * its cookies.
 */
export function ServiceDetails({ service, labels }: ServiceDetailsProps) {
  return (
    <div class="consent-service" data-consent-service={service.id}>
      <h4>{service.name}</h4>
      <dl class="consent-facts">
        <dt>{labels.provider}</dt>
        <dd>{service.provider}</dd>
        <dt>{labels.purpose}</dt>
        <dd>{service.purpose}</dd>
        <dt>{labels.legalBasis}</dt>
        <dd>{service.legalBasis}</dd>
        <dt>{labels.transfer}</dt>
        <dd>{service.transfer}</dd>
        {service.privacyPolicy && (
          <>
            <dt>{labels.privacyPolicy}</dt>
            <dd>
              <a href={service.privacyPolicy} rel="noopener noreferrer">
                {new URL(service.privacyPolicy).hostname}
              </a>
            </dd>
          </>
        )}
      </dl>
      <table class="cookie-table">
        <caption>{fill(labels.cookiesCaption, { service: service.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.cookieName}</th>
            <th scope="col">{labels.cookieProvider}</th>
            <th scope="col">{labels.cookiePurpose}</th>
            <th scope="col">{labels.cookieDuration}</th>
          </tr>
        </thead>
        <tbody>
          {service.cookies.map((cookie) => (
            <tr key={cookie.name}>
              <th scope="row" data-label={labels.cookieName}>
                <code>{cookie.name}</code>
              </th>
              <td data-label={labels.cookieProvider}>{cookie.provider}</td>
              <td data-label={labels.cookiePurpose}>{cookie.purpose}</td>
              <td data-label={labels.cookieDuration}>{durationOf(cookie, labels)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Texts archived before lifetimes were machine-readable carry the words themselves (`duration`).
 */
function durationOf(
  cookie: ConsentServiceView["cookies"][number] & { duration?: string },
  labels: ConsentTextsView["preferences"],
): string {
  return cookie.duration ?? formatMaxAge(cookie.maxAge, labels.durations);
}
