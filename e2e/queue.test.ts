import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type E2eServer,
  launchBrowser,
  screenshot,
  signedIn,
  signInThroughUi,
  startDemoServer,
} from "./browser.ts";

let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  // A Tuesday morning: the counter is open by the calendar.
  server = await startDemoServer({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the counter in the browser", () => {
  it("kiosk issues → counter calls → board shows it within a second → status page says called → counter finishes → service record", async () => {
    const kioskContext = await browser.newContext({ viewport: { width: 1280, height: 1024 } });
    const kiosk = await kioskContext.newPage();
    await signInThroughUi(kiosk, server.url, "kiosk");
    await kiosk.getByRole("heading", { name: "ご用件をお選びください" }).waitFor();
    await kiosk.getByRole("button", { name: "カード交付" }).click();
    await screenshot(kiosk, "kiosk-choose");
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.getByRole("button", { name: "発券する" }).click();
    await kiosk.locator(".slip-number").waitFor();
    const number = await kiosk.locator(".slip-number").innerText();
    expect(number).toBe("A001");
    await screenshot(kiosk, "kiosk-ticket");

    const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const board = await boardContext.newPage();
    await signInThroughUi(board, server.url, "board");
    await board.getByRole("heading", { name: /呼出番号/ }).waitFor();
    await board.getByRole("heading", { name: /お待ちの方/ }).waitFor();

    const staffContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const staff = await staffContext.newPage();
    await signedIn(staff, server.url, "staff");
    const tickets = (await staff.evaluate(() =>
      fetch("/api/v1/queue/tickets").then((r) => r.json()),
    )) as { number: string; statusUrl: string }[];
    const statusUrl = tickets.find((t) => t.number === number)!.statusUrl;

    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await phoneContext.newPage();
    await phone.goto(statusUrl);
    await phone.getByRole("heading", { name: "お待ちください" }).waitFor();
    expect(await phone.locator(".status-number").innerText()).toBe(number);
    await screenshot(phone, "status-waiting");
    expect(await axeViolations(phone)).toEqual([]);
    // 呼出前のお知らせ: the person asks for an e-mail when two or fewer are ahead.
    await phone.getByRole("button", { name: "メールで知らせる" }).click();
    await phone.getByRole("button", { name: "申し込む" }).click();
    await phone.getByText("入力してください。").waitFor();
    await phone.getByLabel("メールアドレス").fill("waiting@example.jp");
    await phone.getByLabel("お知らせするタイミング").selectOption("2");
    await screenshot(phone, "status-notice-form");
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByRole("button", { name: "申し込む" }).click();
    await phone.getByText("あと2人になったらメールでお知らせします。").waitFor();
    await screenshot(phone, "status-notice-asked");

    await staff.getByRole("link", { name: "窓口業務" }).click();
    await staff.getByRole("button", { name: "窓口を開く" }).click();
    await staff.getByRole("button", { name: /次の方を呼出/ }).waitFor();
    const clicked = Date.now();
    await staff.getByRole("button", { name: /次の方を呼出/ }).click();
    await board.locator(`.call-row[data-number="${number}"]`).waitFor({ timeout: 1000 });
    const shownAfterMs = Date.now() - clicked;
    expect(shownAfterMs).toBeLessThan(1000);
    console.info(`board showed ${number} ${shownAfterMs} ms after the call was clicked`);
    await phone.getByRole("heading", { name: "呼び出されました" }).waitFor({ timeout: 2000 });
    expect(await phone.locator(".status-counter").innerText()).toContain("1番窓口");
    await screenshot(board, "board");
    await screenshot(phone, "status-called");

    await staff.getByRole("button", { name: /受付開始/ }).click();
    await staff.getByText("受付中", { exact: true }).waitFor();
    await screenshot(staff, "workstation");
    expect(await axeViolations(staff)).toEqual([]);
    await staff.keyboard.press("f");
    // 完了 asks first; Enter confirms.
    await staff.getByRole("alertdialog").waitFor();
    await staff.keyboard.press("Enter");
    await staff.getByText("対応中の番号はありません").waitFor();
    await phone.getByRole("heading", { name: "受付が完了しました" }).waitFor({ timeout: 2000 });

    const records = (await staff.evaluate(() =>
      fetch("/api/v1/service-records?from=2026-08-04&to=2026-08-04").then((r) => r.json()),
    )) as { procedureCode: string; outcome: string; channel: string }[];
    expect(records).toEqual([
      expect.objectContaining({
        procedureCode: "handover",
        outcome: "completed",
        channel: "counter",
      }),
    ]);

    await staff.getByRole("link", { name: "電話対応" }).click();
    await staff.getByRole("button", { name: "通話開始" }).click();
    await staff.getByLabel("問い合わせ区分").selectOption("reservation");
    await staff.getByRole("button", { name: "通話終了・記録" }).click();
    await staff.getByRole("cell", { name: "予約" }).waitFor();
    await screenshot(staff, "phone");

    // The manager sets a low threshold; the alert appears on the staff's screen at once.
    const managerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const manager = await managerContext.newPage();
    await signedIn(manager, server.url, "manager");
    await manager.getByRole("link", { name: "窓口の設定" }).click();
    await manager.getByLabel("待ち人数（人）").fill("1");
    await manager.getByRole("button", { name: "保存" }).first().click();
    await manager.getByText("保存しました。").waitFor();
    await screenshot(manager, "queue-settings");
    // What to bring is the manager's to set; the booking page tells it at once.
    await manager
      .locator('tr[data-procedure="ecert"]')
      .getByRole("button", { name: "編集" })
      .click();
    const bringDialog = manager.getByRole("alertdialog");
    await bringDialog
      .getByLabel("持ち物", { exact: true })
      .fill("マイナンバーカード、暗証番号のメモ");
    await bringDialog.getByRole("button", { name: "保存" }).click();
    await manager
      .locator('tr[data-procedure="ecert"]')
      .getByText("マイナンバーカード、暗証番号のメモ")
      .waitFor();
    const booking = await managerContext.newPage();
    await booking.goto(`${server.url}/book/nagaoka`);
    await booking
      .getByRole("button", { name: /電子証明書関係/ })
      .getByText("持ち物: マイナンバーカード、暗証番号のメモ")
      .waitFor();
    await kiosk.getByRole("button", { name: "最初の画面へ" }).click();
    for (let i = 0; i < 2; i++) {
      await kiosk.getByRole("button", { name: "暗証番号再設定" }).click();
      await kiosk.getByRole("button", { name: "発券する" }).click();
      await kiosk.getByRole("button", { name: "最初の画面へ" }).click();
    }
    await staff
      .getByRole("alert")
      .filter({ hasText: "お待ちの方が2人です" })
      .waitFor({ timeout: 2000 });
    await manager
      .getByRole("alert")
      .filter({ hasText: "お待ちの方が2人です" })
      .waitFor({ timeout: 2000 });
    await managerContext.close();

    const publicPage = await phoneContext.newPage();
    await publicPage.goto(`${server.url}/congestion/nagaoka`);
    await publicPage.getByRole("heading", { name: /混雑状況/ }).waitFor();
    await publicPage.getByText("カードの受取").waitFor();
    await screenshot(publicPage, "congestion-phone");
    expect(await axeViolations(publicPage)).toEqual([]);
    for (const context of [kioskContext, boardContext, staffContext, phoneContext])
      await context.close();
  });

  it("puts a person on hold and brings them back from the waiting list: by number, or back into the queue", async () => {
    // The two 暗証番号再設定 tickets issued above are still waiting; counter 1 is still open.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const staff = await context.newPage();
    await signedIn(staff, server.url, "staff");
    await staff.getByRole("link", { name: "窓口業務" }).click();
    const list = staff.getByRole("region", { name: /お待ちの方・保留中/ });
    await list.getByRole("row").nth(2).waitFor();
    const [first, second] = await list.locator("tbody th.ticket-number").allInnerTexts();

    await staff.getByRole("button", { name: /次の方を呼出/ }).click();
    await staff.locator(".current-number", { hasText: first! }).waitFor();
    await staff.getByRole("button", { name: /保留/ }).click();
    await screenshot(staff, "counter-confirm-hold");
    await staff.getByRole("alertdialog").getByRole("button", { name: "保留" }).click();
    await staff.getByText("対応中の番号はありません").waitFor();
    const heldRow = list.getByRole("row", { name: new RegExp(first!) });
    await heldRow.getByText("保留中").waitFor();
    await screenshot(staff, "counter-waiting-list");
    expect(await axeViolations(staff)).toEqual([]);

    // Out of turn: the second person is called by number while the first is on hold.
    await list.getByRole("button", { name: `${second}を呼出` }).click();
    await staff.locator(".current-number", { hasText: second! }).waitFor();
    await staff.getByRole("button", { name: /受付開始/ }).click();
    await staff.getByText("受付中", { exact: true }).waitFor();
    await staff.keyboard.press("f");
    // 完了 asks first; Enter confirms.
    await staff.getByRole("alertdialog").waitFor();
    await staff.keyboard.press("Enter");
    await staff.getByText("対応中の番号はありません").waitFor();

    // The held one goes back into the queue, then is called next.
    await list.getByRole("button", { name: `${first}を順番待ちに戻す` }).click();
    await heldRow.getByText("お待ち", { exact: true }).waitFor();
    await staff.getByRole("button", { name: /次の方を呼出/ }).click();
    await staff.locator(".current-number", { hasText: first! }).waitFor();
    await context.close();
  });
});
