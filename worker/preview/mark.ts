// A rendered page of a staged version made into a preview: the bar after the skip link, its
// stylesheet, noindex, "Preview ·" in the title, every link to a page of the site carrying the
// token, and no consent form left.
import { parsePath } from "../../content/paths.ts";
import { PREVIEW_PARAM } from "./token.ts";

export type PreviewMarks = {
  token: string;
  /** The bar's HTML (components/PreviewBar.tsx). */
  bar: string;
  /** The bar's stylesheet. */
  css: string;
  /** Prefixed to the title. */
  label: string;
  /** The HTML that stands where a consent form was. */
  noConsent: string;
  /** Origins whose page links are the site's own (the request's and SITE_ORIGIN). */
  origins: readonly string[];
};

export function markPreview(page: Response, marks: PreviewMarks): Response {
  return (
    new HTMLRewriter()
      .on("head", {
        element: (head) =>
          void head.append(`<meta name="robots" content="noindex"><style>${marks.css}</style>`, {
            html: true,
          }),
      })
      .on("title", { element: (title) => void title.prepend(`${marks.label} · `) })
      .on("a.skip", { element: (skip) => void skip.after(marks.bar, { html: true }) })
      .on("a[href]", { element: (link) => keepToken(link, marks) })
      // Nothing may be decided from a preview: the consent forms go (the page is rendered without
      // banner or embeds).
      .on('form[action="/consent"]', {
        element: (form) => void form.replace(marks.noConsent, { html: true }),
      })
      .transform(page)
  );
}

function keepToken(link: Element, { token, origins }: PreviewMarks): void {
  if (link.hasAttribute("data-preview-exit")) return;
  const href = link.getAttribute("href") ?? "";
  const url = URL.parse(href, origins[0]);
  if (!url || !origins.includes(url.origin) || !parsePath(url.pathname)) return;
  url.searchParams.set(PREVIEW_PARAM, token);
  link.setAttribute("href", href.startsWith("/") ? url.pathname + url.search + url.hash : url.href);
}
