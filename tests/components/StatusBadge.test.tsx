// StatusBadge says achieved or in progress, with its date, in Italian and English, short in lists.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { realBundle } from "../helpers/worker.ts";

const { strings } = realBundle();
const achieved = { state: "achieved", date: "2015-12-31" } as const;

describe("StatusBadge", () => {
  it("says when an objective was achieved, in Italian", () => {
    expect(renderToString(<StatusBadge status={achieved} strings={strings.it} long />)).toBe(
      '<span class="badge badge-achieved">Obiettivo raggiunto il 31/12/2015</span>',
    );
  });

  it("says it the English way in English", () => {
    expect(renderToString(<StatusBadge status={achieved} strings={strings.en} long />)).toBe(
      '<span class="badge badge-achieved">Objective achieved on 31 December 2015</span>',
    );
  });

  it("is short in lists", () => {
    expect(renderToString(<StatusBadge status={achieved} strings={strings.it} />)).toBe(
      '<span class="badge badge-achieved">Raggiunto · 31/12/2015</span>',
    );
  });

  it("shows work in progress with its last update on a project page", () => {
    const status = { state: "in-progress", updated: "2016-06-30" } as const;
    expect(renderToString(<StatusBadge status={status} strings={strings.en} long />)).toBe(
      '<span class="badge badge-progress">In progress · updated 30 June 2016</span>',
    );
    expect(
      renderToString(<StatusBadge status={{ state: "in-progress" }} strings={strings.it} long />),
    ).toBe('<span class="badge badge-progress">In corso</span>');
  });
});
