import {
  FILTER_QUERY,
  FILTER_STATUSES,
  type FilterStatus,
  type HomeFilter,
  pathFor,
} from "../content/paths.ts";
import type { Locale, UiStrings } from "../content/schema.ts";
import type { ChapterView } from "../content/views.ts";

export type HomeFiltersProps = {
  locale: Locale;
  strings: UiStrings;
  chapters: ChapterView[];
  filter: HomeFilter;
};

/** The id the form sends the visitor to, so the result count is read first after a search. */
export const RESULTS_ID = "results";

/**
 * A plain GET form: works without JavaScript, and its URL can be shared. The Worker makes the
 * query canonical.
 */
export function HomeFilters({ locale, strings, chapters, filter }: HomeFiltersProps) {
  const labels = strings.filters;
  const words = FILTER_QUERY[locale];
  const home = pathFor(locale, { page: "home" });
  return (
    <search class="filters" aria-label={labels.label}>
      <form method="get" action={`${home}#${RESULTS_ID}`}>
        <div class="filter-field">
          <label for="filter-chapter">{labels.chapter}</label>
          <select id="filter-chapter" name={words.chapter}>
            <option value="" selected={!filter.chapter}>
              {labels.allChapters}
            </option>
            {chapters.map((chapter) => (
              <option value={chapter.id} selected={filter.chapter === chapter.id}>
                {chapter.number}. {chapter.title}
              </option>
            ))}
          </select>
        </div>
        <div class="filter-field">
          <label for="filter-status">{labels.status}</label>
          <select id="filter-status" name={words.status}>
            <option value="" selected={!filter.status}>
              {labels.allStatuses}
            </option>
            {FILTER_STATUSES.map((status) => (
              <option value={words.statuses[status]} selected={filter.status === status}>
                {statusLabel(status, strings)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="filter-apply">
          {labels.apply}
        </button>
        {(filter.chapter || filter.status) && (
          <a class="filter-reset" href={`${home}#${RESULTS_ID}`}>
            {labels.reset}
          </a>
        )}
      </form>
    </search>
  );
}

export function statusLabel(status: FilterStatus, strings: UiStrings): string {
  return status === "achieved" ? strings.status.achievedShort : strings.status.inProgress;
}
