export type EmbedFrameProps = { src: string; title: string };

/**
 * A privacy-enhanced video embed. Rendered only for visitors who allowed the provider's category.
 */
export function EmbedFrame({ src, title }: EmbedFrameProps) {
  return (
    <iframe
      class="embed-frame"
      src={src}
      title={title}
      loading="lazy"
      referrerpolicy="strict-origin-when-cross-origin"
      allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
      data-embed-frame
    />
  );
}
