import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../test/cli.ts";
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
beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("business calendar in the browser", () => {
  it("the manager requests an extension; the city approves it and designates a weekend opening; the CLI then shows both", async () => {
    const managerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const manager = await managerContext.newPage();
    await signedIn(manager, server.url, "manager");
    await manager.goto(`${server.url}/calendar?month=2026-06`);
    await manager.getByRole("heading", { name: /2026年6月/ }).waitFor();
    await manager.getByLabel("日付").fill("2026-06-10");
    await manager.getByLabel("種別").selectOption("extension");
    await manager.getByLabel("終了").fill("18:30");
    await manager.getByLabel("理由").fill("交付通知書の一斉発送後の混雑に対応するため");
    await manager.getByRole("button", { name: "申請する" }).click();
    await manager.getByText("申請しました。").waitFor();
    await manager.getByRole("cell", { name: "申請中" }).waitFor();
    await screenshot(manager, "calendar-manager");
    await managerContext.close();

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const city = await context.newPage();
    await signedIn(city, server.url, "city");
    await city.getByRole("link", { name: "業務カレンダー" }).click();
    await city.goto(`${server.url}/calendar?month=2026-06`);
    await city.getByRole("heading", { name: /2026年6月/ }).waitFor();
    await city.getByText("2026-06は休日開庁日が0日です").waitFor();
    await city
      .locator('[data-date="2026-06-13"]')
      .getByRole("button", { name: /休日開庁に指定/ })
      .click();
    await city.getByRole("alertdialog").getByRole("button", { name: "指定する" }).click();
    await city.locator('[data-date="2026-06-13"]').getByText("休日開庁", { exact: true }).waitFor();
    // The month's warnings come from their own query, refetched after the designation.
    await city.getByText("2026-06は休日開庁日が0日です").waitFor({ state: "detached" });
    await city.getByRole("button", { name: "承認" }).click();
    const decision = city.getByRole("alertdialog");
    await decision.getByLabel("メモ（任意）").fill("体制を確認しました");
    await screenshot(city, "calendar-approve-dialog");
    await decision.getByRole("button", { name: "承認" }).click();
    await city.getByRole("cell", { name: "承認済" }).waitFor();
    await city.locator('[data-date="2026-06-10"]').getByText("変更あり").waitFor();
    await screenshot(city, "calendar-city");
    const violations = await axeViolations(city);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    // A weekday cannot be designated: it is not offered as a button.
    expect(await city.locator('[data-date="2026-06-15"]').getByRole("button").count()).toBe(0);
    await context.close();

    // The embedded database belongs to the server: stop it, then ask the CLI.
    expect(await server.stop("SIGTERM")).toBe(0);
    const result = await runCli(
      ["calendar", "--tenant", "nagaoka", "--from", "2026-06-01", "--to", "2026-06-30", "--json"],
      { MADOGUCHI_DATA: server.dataDir, DATABASE_URL: "" },
    );
    expect(result.code).toBe(0);
    const days = JSON.parse(result.stdout) as {
      date: string;
      kind: string;
      counter: { open: string; close: string } | null;
    }[];
    expect(days.find((d) => d.date === "2026-06-13")).toMatchObject({
      kind: "weekend_opening",
      counter: { open: "09:00", close: "12:00" },
    });
    expect(days.find((d) => d.date === "2026-06-10")).toMatchObject({
      kind: "exception",
      counter: { open: "08:30", close: "18:30" },
    });
    expect(days.find((d) => d.date === "2026-06-14")?.kind).toBe("closed");
  });
});
