// The one check a visitor's request pays for previews: the site's Worker forwards a match to the
// compliance Worker, which renders staged versions (worker/preview/serve-preview.ts), so none of
// the preview code loads for a page view.
const PREVIEW_PARAM = "preview";

/** A query string naming the preview parameter on a page path. */
export function isPreviewRequest(url: URL): boolean {
  return (
    url.search !== "" &&
    /^\/(it|en)(\/|$)/i.test(url.pathname) &&
    url.searchParams.has(PREVIEW_PARAM)
  );
}
