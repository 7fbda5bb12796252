import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoFixture, signedIn, signInThroughUi } from "./browser.ts";

/**
 * Issue 11: the Content-Security-Policy is strict (no inline script, no framing). Every screen
 * must work inside it: each is opened and the browser's console is read for a refusal.
 */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" });

function watchPolicy(page: Page): string[] {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

const SCREENS: Record<string, string[]> = {
  manager: [
    "/",
    "/counter",
    "/phone",
    "/reservations",
    "/cards",
    "/queue-settings",
    "/calendar",
    "/roster",
    "/staffing",
    "/dashboard",
    "/reports",
    "/reports?kind=daily",
    "/payments",
    "/account",
    "/audit",
  ],
  admin: ["/users", "/audit"],
  kiosk: ["/kiosk"],
  board: ["/board"],
};

describe("the Content-Security-Policy", () => {
  it.each(Object.entries(SCREENS))(
    "lets every screen of %s run without a refusal",
    async (user, paths) => {
      const context = await demo.browser.newContext();
      const page = await context.newPage();
      const refusals = watchPolicy(page);
      if (user === "kiosk" || user === "board") {
        // Devices have no menu: they land on their one screen.
        await signInThroughUi(page, demo.server.url, user);
        await page.waitForURL(new RegExp(`/${user}$`));
      } else await signedIn(page, demo.server.url, user);
      for (const path of paths) {
        await page.goto(`${demo.server.url}${path}`);
        await page.locator("#root > *").first().waitFor();
        await page.waitForTimeout(300);
      }
      expect(refusals).toEqual([]);
      await context.close();
    },
  );

  it("lets the public pages run, and the congestion page be framed", async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const refusals = watchPolicy(page);
    for (const path of ["/book/nagaoka", "/congestion/nagaoka?embed=1"]) {
      const response = await page.goto(`${demo.server.url}${path}`);
      await page.locator("#root > *").first().waitFor();
      await page.waitForTimeout(300);
      const csp = response!.headers()["content-security-policy"] ?? "";
      expect(csp).toContain(
        path.startsWith("/congestion") ? "frame-ancestors *" : "frame-ancestors 'none'",
      );
    }
    expect(refusals).toEqual([]);
    await context.close();
  });
});
