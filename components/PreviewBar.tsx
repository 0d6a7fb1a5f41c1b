// The bar on every page of a staged version seen through a preview link: says it is a preview, of
// which version, until when the link works, and leads to the live page. Its stylesheet ships with
// it, never in the visitors' one.
import type { UiStrings } from "../content/schema.ts";
import { fill } from "./format.ts";

export type PreviewBarProps = {
  strings: UiStrings["preview"];
  version: string;
  /** When the link stops working, as shown: `2026-12-03 22:30 UTC`. */
  expires: string;
  /** The same page on the live site (the token is not carried there). */
  liveHref: string;
};

export function PreviewBar({ strings, version, expires, liveHref }: PreviewBarProps) {
  return (
    <aside class="preview-bar" aria-label={strings.label} data-preview-bar>
      <div class="wrap preview-inner">
        <strong class="preview-label">{strings.label}</strong>
        <span>{fill(strings.text, { version, expires })}</span>
        <a href={liveHref} data-preview-exit>
          {strings.live}
        </a>
      </div>
    </aside>
  );
}

/**
 * Striped and yellow, so nobody mistakes the page for the live one; contrast 15:1 on the yellow.
 */
export const PREVIEW_CSS =
  ".preview-bar{background:repeating-linear-gradient(135deg,#ffd60a 0 18px,#ffc300 18px 36px);color:#111;border-bottom:3px solid #111;font-size:.95rem}" +
  ".preview-inner{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding-top:.6rem;padding-bottom:.6rem}" +
  ".preview-label{text-transform:uppercase;letter-spacing:.08em;background:#111;color:#ffd60a;padding:.1rem .55rem;border-radius:4px}" +
  ".preview-bar a{color:#111;font-weight:600}.preview-bar a:hover{color:#000}" +
  ".preview-note{background:#fff2d9;border-left:4px solid #111;padding:.75rem 1rem}";
