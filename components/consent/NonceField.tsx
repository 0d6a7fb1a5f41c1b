/**
 * The form field that carries a consent form's per-view nonce (the Worker reads it under
 * this name).
 */
export const NONCE_FIELD = "event";

/**
 * A consent form's per-view nonce, when the page has one (it makes a retried submission
 * one record).
 */
export function NonceField({ value }: { value: string | undefined }) {
  return value === undefined ? null : <input type="hidden" name={NONCE_FIELD} value={value} />;
}
