import { pathFor } from "../content/paths.ts";
import type { Locale, MediaItem, UiStrings } from "../content/schema.ts";
import { fill, formatDate } from "./format.ts";

export type MediaPlaceholderProps = { media: MediaItem; locale: Locale; strings: UiStrings };

const PROVIDER_NAMES: Record<MediaItem["provider"], string> = { youtube: "YouTube" };

/**
 * A third-party video as a consent-neutral placeholder: no request reaches the provider from this markup.
 * The Worker swaps it for the embed only when the visitor has allowed media.
 */
export function MediaPlaceholder({ media, locale, strings }: MediaPlaceholderProps) {
  const provider = PROVIDER_NAMES[media.provider];
  const title = media.title[locale];
  return (
    <figure class="embed" data-embed-provider={media.provider} data-embed-id={media.videoId} data-embed-title={title}>
      <div class="embed-placeholder">
        <p class="embed-heading">{fill(strings.media.placeholderHeading, { provider })}</p>
        <p>{fill(strings.media.placeholderText, { provider })}</p>
        <p>
          <a href={pathFor(locale, { page: "cookies" })}>{strings.media.policyLink}</a>
        </p>
      </div>
      <figcaption>
        {title} · <time datetime={media.date}>{formatDate(media.date, strings.dates)}</time>
      </figcaption>
    </figure>
  );
}
