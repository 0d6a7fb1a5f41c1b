import { pathFor } from "../content/paths.ts";
import type { Locale, MediaItem, UiStrings } from "../content/schema.ts";
import type { ConsentRender } from "./consent/consent-render.ts";
import { EmbedFrame } from "./consent/EmbedFrame.tsx";
import { NonceField } from "./consent/NonceField.tsx";
import { fill, formatDate } from "./format.ts";

export type MediaPlaceholderProps = {
  media: MediaItem;
  locale: Locale;
  strings: UiStrings;
  consentState?: ConsentRender;
};

/** Provider video ids the embed URL can carry as they are. */
const VIDEO_ID = /^[A-Za-z0-9_-]{1,64}$/;

const PROVIDER_NAMES: Record<MediaItem["provider"], string> = { youtube: "YouTube" };

/**
 * A third-party video: the player for visitors who allowed its category, otherwise a placeholder
 * from which no request reaches the provider. "Allow and play" is itself a form that grants the
 * provider's category (and keeps whatever else the visitor granted), coming back to this video.
 */
export function MediaPlaceholder({ media, locale, strings, consentState }: MediaPlaceholderProps) {
  const provider = PROVIDER_NAMES[media.provider];
  const title = media.title[locale];
  const embed = consentState?.embed(media.provider) ?? { kind: "none" as const };
  const shown = embed.kind === "frame" && VIDEO_ID.test(media.videoId);
  if (embed.kind !== "none")
    consentState!.placed.embeds.push({ provider: media.provider, id: media.videoId, shown });
  return (
    <figure
      class="embed"
      id={`media-${media.videoId}`}
      data-embed-provider={media.provider}
      data-embed-id={media.videoId}
      data-embed-title={title}
    >
      {shown && embed.kind === "frame" ? (
        <EmbedFrame src={embed.src(media.videoId)} title={title} />
      ) : (
        <div class="embed-placeholder" data-embed-placeholder>
          <p class="embed-heading">{fill(strings.media.placeholderHeading, { provider })}</p>
          <p>{fill(strings.media.placeholderText, { provider })}</p>
          {embed.kind === "form" && (
            <form method="post" action="/consent" data-consent-form data-embed-form>
              <NonceField value={consentState?.nonce} />
              <input type="hidden" name="action" value="save" />
              <input type="hidden" name="source" value="embed" />
              <button class="consent-button" type="submit">
                {strings.media.allowAndPlay}
              </button>
              <input
                type="hidden"
                name="return"
                value={`${consentState!.returnTo.split("#")[0]}#media-${media.videoId}`}
              />
              {embed.fields.map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
            </form>
          )}
          <p class="embed-note">
            {strings.media.allowNotice}{" "}
            <a href={`${pathFor(locale, { page: "cookies" })}#preferences`}>
              {strings.media.policyLink}
            </a>
          </p>
        </div>
      )}
      <figcaption>
        {title} · <time datetime={media.date}>{formatDate(media.date, strings.dates)}</time>
      </figcaption>
    </figure>
  );
}
