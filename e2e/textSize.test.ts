import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { httpSignIn } from "../test/server.ts";
import { DEMO_PASSWORD, demoFixture, screenshot, signInThroughUi } from "./browser.ts";

/**
 * WCAG 1.4.4: at 200 % text size the kiosk, the status page and the booking page keep all their
 * content, nothing overlapping and nothing cut off sideways (scrolling down is fine).
 */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" });

/** Doubles the root text size, then finds text boxes that overlap or stick out sideways. */
async function problemsAt200(page: Page) {
  await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const boxes = [
      ...document.querySelectorAll("h1, h2, p, label, button, a, li, dt, dd, small, strong"),
    ]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
      })
      .map((el) => ({ el, r: el.getBoundingClientRect() }));
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const { el, r } of boxes) {
      if (r.right > width + 1 || r.left < -1)
        problems.push(`sideways: ${el.textContent?.slice(0, 30)}`);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const overlapX = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const overlapY = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (overlapX > 2 && overlapY > 2) {
          problems.push(
            `overlap: "${a.el.textContent?.slice(0, 20)}" × "${b.el.textContent?.slice(0, 20)}"`,
          );
        }
      }
    }
    return problems;
  });
}

describe("200 % text size", () => {
  it("keeps the kiosk, the status page and the booking page readable", async () => {
    const kioskApi = await httpSignIn(demo.server.url, "nagaoka", "kiosk", DEMO_PASSWORD);
    const ticket = (await (
      await kioskApi("POST", "/api/v1/queue/tickets", { procedures: ["handover"], priority: false })
    ).json()) as { statusUrl: string };

    const tablet = await demo.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const kiosk = await tablet.newPage();
    await signInThroughUi(kiosk, demo.server.url, "kiosk");
    await kiosk.getByRole("heading", { name: "ご用件をお選びください" }).waitFor();
    const kioskProblems = await problemsAt200(kiosk);
    await screenshot(kiosk, "kiosk-200pct");
    expect(kioskProblems).toEqual([]);

    const phone = await demo.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const status = await phone.newPage();
    await status.goto(ticket.statusUrl);
    await status.getByRole("heading", { name: "お待ちください" }).waitFor();
    const statusProblems = await problemsAt200(status);
    await screenshot(status, "status-200pct");
    expect(statusProblems).toEqual([]);

    const book = await phone.newPage();
    await book.goto(`${demo.server.url}/book/nagaoka`);
    await book.getByRole("button", { name: "カード交付" }).waitFor();
    const bookProblems = await problemsAt200(book);
    await screenshot(book, "book-200pct");
    expect(bookProblems).toEqual([]);
    await tablet.close();
    await phone.close();
  });
});
