/** The X of the banner, drawn in the text colour so it always matches the other buttons. */
export function CloseIcon() {
  return (
    <svg class="consent-x-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M6 6l12 12M18 6L6 18"
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-linecap="round"
      />
    </svg>
  );
}
