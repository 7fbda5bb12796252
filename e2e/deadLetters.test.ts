import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../test/smtp.ts";
import {
  axeViolations,
  type E2eServer,
  launchBrowser,
  screenshot,
  signedIn,
  startDemoServer,
} from "./browser.ts";

let server: E2eServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  // A mail server that refuses one address for good, as a mistyped mailbox would be refused.
  smtp = await startSmtpServer({ refuse: (address) => address.startsWith("nobody@") });
  server = await startDemoServer({
    MADOGUCHI_CLOCK: "2026-11-25T10:00:00+09:00",
    MADOGUCHI_SMTP_URL: smtp.url,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

describe("notices that could not be sent", () => {
  it("shows the manager a refused notice on the home page, and sends it again", async () => {
    const slots = (await (
      await fetch(`${server.url}/api/v1/public/nagaoka/slots?procedure=handover`)
    ).json()) as { start: string; remaining: number }[];
    const booked = await fetch(`${server.url}/api/v1/public/nagaoka/reservations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        procedure: "handover",
        start: slots.find((s) => s.remaining > 0)!.start,
        nameKana: "ナシ",
        email: "nobody@example.jp",
      }),
    });
    expect(booked.status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signedIn(page, server.url, "manager");
    // The delivery job runs every 2 s; the page shows the dead letter once it has given up.
    const panel = page.getByRole("article", { name: /送信できなかった通知/ });
    for (let i = 0; i < 20; i++) {
      // The list is fetched after the page loads: give it a moment before reloading again.
      if (
        await panel.waitFor({ timeout: 1500 }).then(
          () => true,
          () => false,
        )
      )
        break;
      await page.reload();
    }
    await expect(panel.isVisible()).resolves.toBe(true);
    expect(await panel.textContent()).toContain("【予約完了】");
    expect(await panel.textContent()).not.toContain("nobody@example.jp");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "home-dead-letters");

    await panel.getByRole("button", { name: /再送する/ }).click();
    await panel.waitFor({ state: "detached" });

    const staffPage = await browser.newPage();
    await signedIn(staffPage, server.url, "staff");
    expect(await staffPage.getByText("送信できなかった通知").count()).toBe(0);
  });
});
