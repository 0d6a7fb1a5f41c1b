// DailyChart, rendered alone: bars stacked per day, scaled to the tallest, with a data table.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { DailyChart } from "../../../components/admin/DailyChart.tsx";

describe("admin components", () => {
  it("DailyChart stacks bars per day, scaled to the tallest day, with a title per segment and a data table", () => {
    const html = renderToString(
      <DailyChart
        id="c"
        mode="stacked"
        title="Per day"
        description="Stacked"
        labels={{ data: "Data", day: "day" }}
        data={{
          days: ["2026-01-01", "2026-01-02"],
          series: [
            { key: "a", label: "a", values: [1, 3] },
            { key: "b", label: "b", values: [1, 0] },
          ],
        }}
      />,
    );
    expect(html).toContain('role="img" aria-labelledby="c-title c-desc"');
    expect(html.match(/<rect /g)).toHaveLength(3);
    // Day 2 holds 3 of the maximum 3: a full-height bar.
    expect(html).toContain(
      '<rect class="s0" x="425.3" y="10.0" width="234.5" height="182.0"><title>2026-01-02 · a: 3</title></rect>',
    );
    expect(html).toContain('<td>2026-01-02</td><td class="num">3</td><td class="num">0</td>');
    expect(html).not.toMatch(/style=/);
  });
});
