// Google Analytics runs in Consent Mode v2: every default denied before the grant and the library.
import { describe, expect, it } from "vitest";
import { renderGtagBootstrap, renderGtagTags } from "../../../worker/consent/gtag.ts";

describe("C21: Google Analytics runs in Consent Mode v2 with every default denied first", () => {
  it("sets the defaults before the grant, the grant before the configuration", () => {
    const code = renderGtagBootstrap("G-TEST12345");
    const defaults = code.indexOf('gtag("consent","default"');
    const update = code.indexOf('gtag("consent","update",{analytics_storage:"granted"})');
    const config = code.indexOf('gtag("config","G-TEST12345"');
    expect(defaults).toBeGreaterThan(-1);
    expect(defaults).toBeLessThan(update);
    expect(update).toBeLessThan(config);
    for (const type of ["ad_storage", "ad_user_data", "ad_personalization", "analytics_storage"]) {
      expect(code.slice(defaults, update)).toContain(`${type}:"denied"`);
    }
    expect(code.slice(update)).not.toMatch(
      /ad_storage:"granted"|ad_user_data:"granted"|ad_personalization:"granted"/,
    );
  });

  it("loads the library only after the inline defaults", () => {
    const tags = renderGtagTags("G-TEST12345");
    expect(tags.indexOf("<script data-analytics>")).toBeLessThan(
      tags.indexOf("googletagmanager.com/gtag/js?id=G-TEST12345"),
    );
  });
});
