// The dashboard in Chromium: a decision shows up, no CSP break, axe-clean, the browser's login.
import { describe, expect, it } from "vitest";
import {
  ADMIN_TEST_TOKEN,
  axeViolations,
  browserSuite,
  cspViolations,
  newPage,
  screenshot,
  signedInPage,
} from "../helpers/browser.ts";

const web = browserSuite({ site: { ADMIN_TOKEN: ADMIN_TEST_TOKEN } });

// The compliance dashboard in Chromium: a decision made on the site shows up, the page breaks no
// CSP rule, passes axe-core, and its login is the browser's own prompt with the token as password.
describe("the admin dashboard", () => {
  it("shows a refusal made on the banner, in its look-up, with no CSP violation or axe finding", async () => {
    const visitor = await newPage(web.browser);
    await visitor.goto(`${web.site.url}/it/`);
    await visitor.locator('form[action="/consent"] button[value="reject_all"]').first().click();
    await visitor.waitForURL(`${web.site.url}/it/`);
    await visitor.context().close();

    const officer = await signedInPage(web.browser, "officer");
    const violations = cspViolations(officer);
    await officer.goto(`${web.site.url}/admin/`);
    await expect(officer.locator("h1").textContent()).resolves.toBe("Consent ledger");
    expect(await officer.locator(".figures dd").first().textContent()).toBe("1");
    const consentId = (await officer
      .locator('a[href^="/admin/?consent_id="] code')
      .first()
      .textContent())!;
    await officer.locator('input[name="consent_id"]').fill(consentId);
    await officer.locator('button[type="submit"]').first().click();
    await officer.waitForURL(/consent_id=/);
    await expect(officer.locator("#history").textContent()).resolves.toContain(consentId);
    await expect(
      officer.locator("section[aria-labelledby=history] td").nth(3).textContent(),
    ).resolves.toBe("reject all");
    expect(violations).toEqual([]);
    expect(await axeViolations(officer)).toEqual([]);
    await screenshot(officer, "admin-dashboard");
    await officer.context().close();
  });

  it("without the token the browser is asked to log in and gets no dashboard", async () => {
    const page = await newPage(web.browser);
    // Headless Chromium cannot show the login prompt, so it gives up on the navigation.
    await expect(page.goto(`${web.site.url}/admin/`)).rejects.toThrow(
      /ERR_INVALID_AUTH_CREDENTIALS/,
    );
    const response = await page.request.get(`${web.site.url}/admin/`);
    expect(response.status()).toBe(401);
    expect(response.headers()["www-authenticate"]).toMatch(/^Basic realm=/);
    expect(await response.text()).not.toContain("Consent ledger");
    await page.context().close();
  });
});
