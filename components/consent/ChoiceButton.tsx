import type { ComponentChildren } from "preact";

export type ChoiceButtonProps = {
  /** The `action` field it submits. */
  action: "accept_all" | "reject_all" | "save" | "close";
  children: ComponentChildren;
  class?: string;
  label?: string;
  describedBy?: string;
};

/**
 * A submit button of a consent form. Every choice looks the same: one class, one size, one colour.
 */
export function ChoiceButton({
  action,
  children,
  class: extra,
  label,
  describedBy,
}: ChoiceButtonProps) {
  return (
    <button
      class={extra ? `consent-button ${extra}` : "consent-button"}
      type="submit"
      name="action"
      value={action}
      aria-label={label}
      title={label}
      aria-describedby={describedBy}
    >
      {children}
    </button>
  );
}
