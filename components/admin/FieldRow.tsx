import type { ComponentChildren } from "preact";

/** One labelled row of a two-column facts table. */
export function FieldRow({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}
