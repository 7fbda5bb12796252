import { describe, expect, it } from "vitest";
import { httpSignIn } from "../test/server.ts";
import { axeViolations, DEMO_PASSWORD, demoFixture, screenshot, signedIn } from "./browser.ts";

/** カード在庫 in the browser: scan a delivery in, set cards up, hand one over, take stock. */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" });

describe("the card stock", () => {
  it("receives a batch by scanning, sets up two cards, hands one over and finds a misplaced card at stocktake", async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signedIn(page, demo.server.url, "staff");
    await page.getByRole("link", { name: "カード在庫" }).click();
    await page.getByRole("heading", { name: "カード在庫" }).waitFor();

    // The scanner types each line and presses Enter.
    await page.getByRole("tab", { name: "受領" }).click();
    const scan = page.getByLabel("スキャン（参照番号/カナ氏名/生年月日/保管庫/位置）");
    for (const line of [
      "NGK-2608-0101/ヤマダ タロウ/1980-04-01/B/01/特急",
      "NGK-2608-0102/サトウ ハナコ/1985-09-15/A/01",
      "NGK-2608-0103/スズキ ジロウ/1979-12-03/A/02",
    ]) {
      await scan.fill(line);
      await scan.press("Enter");
    }
    await page.getByRole("button", { name: "3枚を受領する" }).click();
    await page.getByText("3枚を受領しました。").waitFor();
    await screenshot(page, "cards-received");
    expect(await axeViolations(page)).toEqual([]);

    // Two set up from the queue (the express card comes first).
    await page.getByRole("tab", { name: "作業・交付" }).click();
    const setup = page.getByRole("region", { name: "交付前設定" });
    await expect.poll(() => setup.locator(".card-line").count()).toBe(3);
    expect(await setup.locator(".card-line .ref").first().textContent()).toBe("NGK-2608-0101");
    for (const _ of [1, 2]) {
      await setup.getByRole("button", { name: "設定済" }).first().click();
      await page.getByText("を交付前設定済にしました。", { exact: false }).waitFor();
    }
    await expect.poll(() => setup.locator(".card-line").count()).toBe(1);

    // The card left to set up cannot be handed over yet: refused, and said why.
    const left = (await setup.locator(".card-line .ref").first().textContent())!;
    const find = page.getByLabel("交付するカードを探す", { exact: false });
    await find.fill(left);
    await page.getByRole("button", { name: "探す" }).click();
    await page.locator(".card-find .card-line").getByText(left).waitFor();
    await page.locator(".card-find .card-line").getByRole("button", { name: "交付する" }).click();
    await page.getByText("交付前設定が済んでいないカードは交付できません。").waitFor();
    // ヤマダ booked a handover at 13:00 and checked in: the card is found from the booking.
    const api = await httpSignIn(demo.server.url, "nagaoka", "staff", DEMO_PASSWORD);
    const booking = await api("POST", "/api/v1/reservations", {
      procedure: "handover",
      start: "2026-08-04T13:00:00+09:00",
      nameKana: "ヤマダ タロウ",
      phone: "0258000101",
    });
    expect(booking.status).toBe(201);
    const { id } = (await booking.json()) as { id: string };
    expect((await api("POST", `/api/v1/reservations/${id}/check-in`)).status).toBe(200);
    await page.reload();
    const booked = page.getByRole("region", { name: "本日の交付予約（来庁済）" });
    await booked.getByText("ヤマダ タロウ").waitFor();
    await booked.getByRole("button", { name: "カードを探す" }).click();
    const found = page.locator(".card-find .card-line");
    await found.getByText("NGK-2608-0101").waitFor();
    await page.getByLabel("本人確認の方法").selectOption("photo_id");
    await found.getByRole("button", { name: "交付する" }).click();
    await page.getByText("NGK-2608-0101 を交付しました。").waitFor();
    // The queues follow: the card handed over leaves them.
    const notices = page.getByRole("region", { name: "交付通知の送付" });
    await expect.poll(() => notices.locator(".card-line").count()).toBe(1);
    await found.getByText("交付済").waitFor();
    await screenshot(page, "cards-work");
    expect(await axeViolations(page)).toEqual([]);

    // Stocktake of locker B (its express card is handed over): a card kept in A is found here.
    await page.getByRole("tab", { name: "棚卸" }).click();
    await page.getByLabel("保管庫", { exact: true }).fill("B");
    const stock = page.getByLabel("保管庫のカードを順にスキャン");
    await stock.fill("NGK-2608-0102");
    await stock.press("Enter");
    await page.getByText("1枚を読み取りました。").waitFor();
    await page.getByRole("button", { name: "記録と照合する" }).click();
    await page.getByText("記録と一致しないカードがあります。").waitFor();
    await page.getByText("NGK-2608-0102（本来の保管庫 A）").waitFor();
    await screenshot(page, "cards-stocktake");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it("imports the city's delivery list from a CSV file and works the setups by their deadlines", async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signedIn(page, demo.server.url, "staff");
    await page.goto(`${demo.server.url}/cards`);
    await page.getByRole("tab", { name: "受領" }).click();
    // Delivered last Saturday; one holder booked for yesterday (overdue), one for Thursday.
    await page.getByLabel("納品日").fill("2026-08-01");
    const csv = [
      "参照番号,カナ氏名,生年月日,保管庫,位置,特急,交付予約日",
      "NGK-2608-0201,コバヤシ アヤ,1970/5/5,C,01,,2026/8/3",
      "NGK-2608-0202,コバヤシ ケン,1972-06-06,C,02,,2026-08-06",
      "NGK-2608-0203,コバヤシ リン,2005-07-07,C,03,,",
    ].join("\r\n");
    await page.getByLabel("納品リストのファイル（CSV）").setInputFiles({
      name: "delivery.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${csv}`, "utf8"),
    });
    const preview = page.locator(".cards-receive table");
    await preview.getByText("2026-08-06").waitFor();
    expect(await page.locator("[role=alert]").count()).toBe(0);
    await page.getByRole("button", { name: "3枚を受領する" }).click();
    await page.getByText("3枚を受領しました。").waitFor();

    await page.getByRole("tab", { name: "作業・交付" }).click();
    const setup = page.getByRole("region", { name: "交付前設定" });
    const first = setup.locator(".card-line").first();
    await first.getByText("NGK-2608-0201").waitFor();
    await first.getByText("期限超過 08/02").waitFor();
    await setup.getByText("設定期限 08/05").waitFor();
    await screenshot(page, "cards-deadlines");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
