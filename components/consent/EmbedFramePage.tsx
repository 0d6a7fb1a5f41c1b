import { EmbedFrame } from "./EmbedFrame.tsx";

/** The whole stylesheet of the frame page; the Worker allows it by its hash. */
export const EMBED_FRAME_CSS =
  "html,body{margin:0;height:100%;background:#000}iframe{display:block;border:0;width:100%;height:100%}";

export type EmbedFramePageProps = { lang: string; title: string; src: string };

/**
 * A same-origin page holding one embed. The progressive-enhancement script swaps a placeholder for
 * this page, in place: the host page's CSP never names the video provider, this page's CSP does
 * (for consenting visitors only).
 */
export function EmbedFramePage({ lang, title, src }: EmbedFramePageProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: EMBED_FRAME_CSS }} />
      </head>
      <body>
        <EmbedFrame src={src} title={title} />
      </body>
    </html>
  );
}
