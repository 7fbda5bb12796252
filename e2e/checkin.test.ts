import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer } from "../test/server.ts";
import { DEMO_PASSWORD, launchBrowser, screenshot, signedIn, signInThroughUi } from "./browser.ts";

let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-checkin-"));
const env = {
  MADOGUCHI_DATA: dataDir,
  MADOGUCHI_DEMO_PASSWORD: DEMO_PASSWORD,
  MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1",
};
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a reservation at the counter", () => {
  it("is checked in and called before walk-ins who came later, once its time has come", async () => {
    // The day before: a citizen books 10:00 on Tuesday.
    const dayBefore = await spawnServer({ ...env, MADOGUCHI_CLOCK: "2026-08-03T12:00:00+09:00" });
    const booked = await fetch(`${dayBefore.url}/api/v1/public/nagaoka/reservations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        procedure: "ecert",
        start: "2026-08-04T10:00:00+09:00",
        nameKana: "ヨヤク ハナコ",
        phone: "090-0000-1111",
      }),
    });
    expect(booked.status).toBe(201);
    const { code } = (await booked.json()) as { code: string };
    expect(await dayBefore.stop("SIGTERM")).toBe(0);

    // The morning itself, a few seconds before ten.
    const server = await spawnServer({ ...env, MADOGUCHI_CLOCK: "2026-08-04T09:59:52+09:00" });
    try {
      const kioskContext = await browser.newContext();
      const kiosk = await kioskContext.newPage();
      await signInThroughUi(kiosk, server.url, "kiosk");
      const issue = async () => {
        await kiosk.getByRole("button", { name: "電子証明書関係（発行・更新など）" }).click();
        await kiosk.getByRole("button", { name: "発券する" }).click();
        const number = await kiosk.locator(".slip-number").innerText();
        await kiosk.getByRole("button", { name: "最初の画面へ" }).click();
        return number;
      };
      await kiosk.getByRole("heading", { name: "ご用件をお選びください" }).waitFor();
      const earlier = await issue();

      const staffContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const staff = await staffContext.newPage();
      await signedIn(staff, server.url, "staff");
      await staff.getByRole("link", { name: "予約一覧" }).click();
      const row = staff.locator(`tr[data-code="${code}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain("ヨヤク ハナコ");
      await row.getByRole("button", { name: "受付" }).click();
      const status = staff.getByRole("status");
      await status.filter({ hasText: "受付しました" }).waitFor();
      const reserved = /受付番号 (\S+)/.exec(await status.innerText())![1]!;
      await screenshot(staff, "reservations-staff");
      const later = await issue();

      // Wait for ten o'clock on the server's clock, then call.
      await new Promise((resolve) => setTimeout(resolve, 9_000));
      await staff.getByRole("link", { name: "窓口業務" }).click();
      await staff.getByRole("button", { name: "窓口を開く" }).click();
      const called: string[] = [];
      for (let i = 0; i < 3; i++) {
        await staff.getByRole("button", { name: /次の方を呼出/ }).click();
        await staff.getByText("呼出中").waitFor();
        called.push(await staff.locator(".current-number").innerText());
        await staff.keyboard.press("s");
        await staff.getByText("受付中", { exact: true }).waitFor();
        await staff.keyboard.press("f");
        // 完了 asks first; Enter confirms.
        await staff.getByRole("alertdialog").waitFor();
        await staff.keyboard.press("Enter");
        await staff.getByText("対応中の番号はありません").waitFor();
      }
      expect(called).toEqual([reserved, earlier, later]);
      await kioskContext.close();
      await staffContext.close();
    } finally {
      await server.stop("SIGTERM");
    }
  });
});
