import type { UiStrings } from "../content/schema.ts";
import { fill } from "./format.ts";

export type PaginationProps = {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  strings: UiStrings;
};

/** Previous/next links for listings longer than one page; nothing when there is a single page. */
export function Pagination({ page, pages, hrefFor, strings }: PaginationProps) {
  if (pages <= 1) return null;
  const labels = strings.pagination;
  return (
    <nav class="pagination" aria-label={labels.label}>
      {page > 1 && (
        <a href={hrefFor(page - 1)} rel="prev">
          {labels.previous}
        </a>
      )}
      <span aria-current="page">{fill(labels.page, { page, pages })}</span>
      {page < pages && (
        <a href={hrefFor(page + 1)} rel="next">
          {labels.next}
        </a>
      )}
    </nav>
  );
}
