import type { ChartData } from "./types.ts";

export type DailyChartProps = {
  id: string;
  title: string;
  description: string;
  data: ChartData;
  mode: "stacked" | "grouped";
  /** The labels of the data table under the chart. */
  labels: { data: string; day: string };
};

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 10, right: 10, bottom: 28, left: 40 };

/** Per-day bars as inline SVG (no script, no style attributes): stacked series, or side by side. */
export function DailyChart({ id, title, description, data, mode, labels }: DailyChartProps) {
  const { days, series } = data;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const perDay = days.map((_, d) => series.map((s) => s.values[d] ?? 0));
  const max = Math.max(
    1,
    ...perDay.map((v) => (mode === "stacked" ? v.reduce((a, b) => a + b, 0) : Math.max(0, ...v))),
  );
  const slot = plotW / Math.max(1, days.length);
  const barW = mode === "stacked" ? slot * 0.7 : (slot * 0.8) / Math.max(1, series.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  return (
    <figure>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <svg
        class="chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line class="axis" x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} />
        {[...new Set([0, Math.round(max / 2), max])].map((v) => (
          <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">
            {v}
          </text>
        ))}
        {days.map((day, d) => {
          let base = 0;
          return (
            <g>
              {series.map((s, i) => {
                const v = s.values[d] ?? 0;
                const x =
                  PAD.left +
                  d * slot +
                  (mode === "stacked" ? (slot - barW) / 2 : slot * 0.1 + i * barW);
                const top = mode === "stacked" ? y(base + v) : y(v);
                const bottom = mode === "stacked" ? y(base) : y(0);
                if (mode === "stacked") base += v;
                return v > 0 ? (
                  <rect
                    class={`s${i % 6}`}
                    x={x.toFixed(1)}
                    y={top.toFixed(1)}
                    width={barW.toFixed(1)}
                    height={(bottom - top).toFixed(1)}
                  >
                    <title>{`${day} · ${s.label}: ${v}`}</title>
                  </rect>
                ) : null;
              })}
              {d % labelEvery === 0 && (
                <text
                  x={(PAD.left + d * slot + slot / 2).toFixed(1)}
                  y={HEIGHT - 8}
                  text-anchor="middle"
                >
                  {day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        {series.map((s, i) => (
          <li>
            <span class={`swatch s${i % 6}`} aria-hidden="true" />
            {s.label} ({s.values.reduce((a, b) => a + b, 0)})
          </li>
        ))}
      </ul>
      <details>
        <summary>{labels.data}</summary>
        <table>
          <thead>
            <tr>
              <th>{labels.day}</th>
              {series.map((s) => (
                <th class="num">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, d) => (
              <tr>
                <td>{day}</td>
                {series.map((s) => (
                  <td class="num">{s.values[d] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
