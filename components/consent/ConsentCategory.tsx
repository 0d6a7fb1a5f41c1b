import type { ConsentTextsView, ShownCategory } from "../../content/consent-view.ts";
import { ServiceDetails } from "./ServiceDetails.tsx";

export type ConsentCategoryProps = {
  category: ShownCategory;
  labels: ConsentTextsView["preferences"];
  /** The visitor granted it: the switch starts on. */
  granted?: boolean;
};

/**
 * One category: its switch (on where granted; locked on for the technical one), then each service
 * behind it.
 */
export function ConsentCategory({ category, labels, granted = false }: ConsentCategoryProps) {
  const id = `category-${category.id}`;
  return (
    <section
      class="consent-category"
      aria-labelledby={`${id}-title`}
      data-consent-category={category.id}
    >
      <div class="consent-category-head">
        <h3 id={`${id}-title`}>{category.name}</h3>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            id={id}
            name={category.required ? undefined : `cat_${category.id}`}
            checked={category.required || granted}
            disabled={category.required}
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-description`}
          />
          <span class="switch-track" aria-hidden="true" />
          {category.required ? (
            <span class="switch-state">{labels.alwaysOn}</span>
          ) : (
            <>
              <span class="switch-state switch-on" aria-hidden="true">
                {labels.on}
              </span>
              <span class="switch-state switch-off" aria-hidden="true">
                {labels.off}
              </span>
            </>
          )}
        </label>
      </div>
      <p id={`${id}-description`}>{category.description}</p>
      {category.services.map((service) => (
        <ServiceDetails key={service.id} service={service} labels={labels} />
      ))}
    </section>
  );
}
