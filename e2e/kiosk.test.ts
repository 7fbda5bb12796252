import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  axeViolations,
  breaksInsidePhrases,
  demoFixture,
  renderedLines,
  SCREENSHOTS,
  screenshot,
  signInThroughUi,
} from "./browser.ts";

/** The kiosk as it stands in the hall: a 1366×768 touch screen and an 80 mm receipt printer. */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" });

/** Every visible button lies inside the screen: nothing to scroll to on a kiosk. */
async function buttonsOnScreen(page: Page) {
  const boxes = await page
    .getByRole("button")
    .evaluateAll((buttons) =>
      buttons.map((b) => ({ text: b.textContent, bottom: b.getBoundingClientRect().bottom })),
    );
  const height = page.viewportSize()!.height;
  expect(boxes.filter((b) => b.bottom > height)).toEqual([]);
}

describe("the kiosk", () => {
  it("fits 1366×768, prints an 80 mm slip with the office and the people ahead, and starts over when left alone", async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInThroughUi(page, demo.server.url, "kiosk");
    await page.waitForURL(/\/kiosk$/);
    await page.goto(`${demo.server.url}/kiosk?idle=5`);
    await page.getByRole("heading", { name: "ご用件をお選びください" }).waitFor();
    await buttonsOnScreen(page);
    // Every label wraps between phrases, never inside a word (カード申請サポー／ト).
    const labels = page.locator(".kiosk-choice .phrases, .priority-choice .phrases");
    await page.locator(".priority-choice .phrases").first().waitFor();
    expect(await labels.count()).toBeGreaterThan(8);
    for (const label of await labels.all())
      expect(breaksInsidePhrases(await renderedLines(label))).toEqual([]);

    // Left alone, the kiosk forgets the last person's choice and language.
    await page.getByRole("button", { name: "カード交付" }).click();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "What are you here for?" }).waitFor();
    await page.getByRole("heading", { name: "ご用件をお選びください" }).waitFor({ timeout: 8000 });
    expect(
      await page.getByRole("button", { name: "カード交付" }).getAttribute("aria-pressed"),
    ).toBe("false");

    await page.getByRole("button", { name: "カード交付" }).click();
    await page.getByRole("button", { name: "発券する" }).click();
    await page.locator(".slip-number").waitFor();
    await page.getByText("長岡市").first().waitFor();
    await page.getByText(/前にお待ちの方 \d+人/).waitFor();
    await buttonsOnScreen(page);
    // The whole slip on screen too: nothing below the fold at 1366×768.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      768,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "kiosk-ticket-1366");

    // The print is the slip alone on an 80 mm page (80 mm = 226.8 pt).
    await page.emulateMedia({ media: "print" });
    const bytes = await page.pdf({ preferCSSPageSize: true });
    const file = path.join(SCREENSHOTS, "kiosk-slip.pdf");
    fs.writeFileSync(file, bytes);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "150",
      "-singlefile",
      file,
      path.join(SCREENSHOTS, "kiosk-slip"),
    ]);
    fs.rmSync(file);
    const pdf = bytes.toString("latin1");
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!;
    expect(Number(box[1])).toBeCloseTo(226.8, 0);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    await context.close();
  });

  it("checks in a person with a booking by the code from their confirmation", async () => {
    const booked = await fetch(`${demo.server.url}/api/v1/public/nagaoka/reservations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        procedure: "handover",
        start: "2026-08-04T13:00:00+09:00",
        nameKana: "ヨヤク タロウ",
        email: "taro@example.jp",
      }),
    });
    expect(booked.status).toBe(201);
    const { code } = (await booked.json()) as { code: string };

    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInThroughUi(page, demo.server.url, "kiosk");
    await page.getByRole("button", { name: "予約の方" }).click();
    await page.getByLabel(/予約番号/).fill("ZZZZ-ZZZZ");
    await page.getByRole("button", { name: "受付する" }).click();
    await page.getByRole("alert").filter({ hasText: "本日の予約が見つかりません" }).waitFor();
    await page.getByLabel(/予約番号/).fill(code.toLowerCase());
    await screenshot(page, "kiosk-checkin");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "受付する" }).click();
    await page.locator(".slip-number").waitFor();
    expect(await page.locator(".ticket-slip").textContent()).not.toContain("ヨヤク");
    await context.close();
  });
});
