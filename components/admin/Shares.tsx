import type { ShareView } from "./types.ts";

/** Counts with their share of the total, e.g. how many decisions granted analytics. */
export function Shares({
  caption,
  shares,
  empty,
  name = (key) => key,
}: {
  caption: string;
  shares: ShareView[];
  empty: string;
  name?: (key: string) => string;
}) {
  if (shares.length === 0) return <p class="muted">{empty}</p>;
  return (
    <table>
      <caption class="muted">{caption}</caption>
      <tbody>
        {shares.map((s) => (
          <tr>
            <th scope="row">{name(s.key)}</th>
            <td class="num">{s.count}</td>
            <td class="num">{percent(s.count, s.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function percent(count: number, total: number): string {
  return total === 0 ? "–" : `${((count / total) * 100).toFixed(1)}%`;
}
