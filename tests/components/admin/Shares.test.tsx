// Shares, rendered alone: counts with their share of the total.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { Shares } from "../../../components/admin/Shares.tsx";

describe("admin components", () => {
  it("Shares shows counts with their share of the total", () => {
    expect(
      renderToString(
        <Shares
          caption="By action"
          shares={[{ key: "accept_all", count: 1, total: 3 }]}
          empty="None."
        />,
      ),
    ).toBe(
      '<table><caption class="muted">By action</caption><tbody><tr><th scope="row">accept_all</th><td class="num">1</td><td class="num">33.3%</td></tr></tbody></table>',
    );
  });
});
