/**
 * Archived consent markup, shown as it was served: in a frame sandboxed of everything (no script,
 * no form, no navigation), so a page from the archive can never act inside the dashboard.
 */
export function ArchivedFrame({
  src,
  title,
  wide = false,
}: {
  src: string;
  title: string;
  /** The banner's frame: shorter than a page's (admin-styles.ts). */
  wide?: boolean;
}) {
  return (
    <iframe
      class={wide ? "archived archived-banner" : "archived"}
      src={src}
      title={title}
      sandbox=""
      loading="lazy"
    />
  );
}
