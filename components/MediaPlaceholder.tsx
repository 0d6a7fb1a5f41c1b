import { pathFor } from "../content/paths.ts";
import type { Locale, MediaItem, UiStrings } from "../content/schema.ts";
import { fill, formatDate } from "./format.ts";

export type MediaPlaceholderProps = { media: MediaItem; locale: Locale; strings: UiStrings };

const PROVIDER_NAMES: Record<MediaItem["provider"], string> = { youtube: "YouTube" };

/**
 * A third-party video as a consent-neutral placeholder: no request reaches the provider from this markup.
 * "Allow and play" is itself a form that grants the provider's category; the Worker fills in which category and
 * where to come back, and swaps the placeholder for the embed once the visitor has allowed it.
 */
export function MediaPlaceholder({ media, locale, strings }: MediaPlaceholderProps) {
  const provider = PROVIDER_NAMES[media.provider];
  const title = media.title[locale];
  return (
    <figure
      class="embed"
      id={`media-${media.videoId}`}
      data-embed-provider={media.provider}
      data-embed-id={media.videoId}
      data-embed-title={title}
    >
      <div class="embed-placeholder" data-embed-placeholder>
        <p class="embed-heading">{fill(strings.media.placeholderHeading, { provider })}</p>
        <p>{fill(strings.media.placeholderText, { provider })}</p>
        <form method="post" action="/consent" data-consent-form data-embed-form>
          <input type="hidden" name="action" value="save" />
          <input type="hidden" name="source" value="embed" />
          <button class="consent-button" type="submit">
            {strings.media.allowAndPlay}
          </button>
        </form>
        <p class="embed-note">
          {strings.media.allowNotice}{" "}
          <a href={`${pathFor(locale, { page: "cookies" })}#preferences`}>{strings.media.policyLink}</a>
        </p>
      </div>
      <figcaption>
        {title} · <time datetime={media.date}>{formatDate(media.date, strings.dates)}</time>
      </figcaption>
    </figure>
  );
}
