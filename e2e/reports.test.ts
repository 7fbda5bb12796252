import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, demoFixture, pdfToPng, screenshot, signedIn } from "./browser.ts";

/**
 * 報告書と委託料 in the browser: February's completion report goes to the city, comes back with a
 * comment, goes again, is accepted; the manager claims the month's payment and the city opens
 * the invoice. The demo's "today" is 2026-03-10, so February is over and in the schedule.
 */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-03-10T10:00:00+09:00" });

async function openReports(page: Page) {
  await page.getByRole("link", { name: "報告書" }).click();
  await page.getByRole("heading", { name: "報告書", exact: true }).waitFor();
  await page.getByRole("heading", { name: /月次業務完了報告書 2026-02/ }).waitFor();
}

describe("reports and payments", () => {
  it("a monthly report is submitted, returned, submitted again and accepted; its payment is claimed and its invoice seen", async () => {
    const managerContext = await demo.browser.newContext({
      viewport: { width: 1366, height: 900 },
    });
    const cityContext = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const manager = await managerContext.newPage();
    const city = await cityContext.newPage();
    await signedIn(manager, demo.server.url, "manager");
    await signedIn(city, demo.server.url, "city");

    await openReports(manager);
    await manager.getByText("下書き：いまの記録から作成しています", { exact: false }).waitFor();
    await manager
      .getByLabel("業務管理者所見")
      .fill("2月は開設初月のため、案内表示を改善しました。");
    await manager.getByRole("button", { name: "提出する" }).click();
    await manager.getByText("第1版を提出しました。").waitFor();
    expect(await axeViolations(manager)).toEqual([]);

    await openReports(city);
    await city.getByText("2月は開設初月のため", { exact: false }).waitFor();
    // The city reads what was submitted, with nothing to submit itself.
    expect(await city.getByRole("button", { name: "提出する" }).count()).toBe(0);
    expect(await city.getByRole("button", { name: "差し戻す" }).isDisabled()).toBe(true);
    await city.getByLabel("市のコメント").fill("研修の実施状況を所見に記載してください。");
    await city.getByRole("button", { name: "差し戻す" }).click();
    await city.getByText("第1版を「差戻し」にしました。").waitFor();

    await manager.reload();
    await manager
      .getByTestId("city-comment")
      .getByText("研修の実施状況", { exact: false })
      .waitFor();
    await manager.getByLabel("業務管理者所見").fill("研修：3月に個人情報保護研修を実施予定です。");
    await manager.getByRole("button", { name: "修正して再提出する" }).click();
    await manager.getByText("第2版を提出しました。").waitFor();

    await city.reload();
    await city.getByRole("button", { name: "検査済にする" }).click();
    await city.getByText("第2版を「検査済」にしました。").waitFor();
    expect(await city.locator(".versions .version").count()).toBe(2);
    await screenshot(city, "report-monthly-accepted");
    expect(await axeViolations(city)).toEqual([]);
    const monthly = (
      await pdfToPng(
        city,
        `${demo.server.url}/api/v1/reports/monthly/2026-02/report.pdf`,
        "report-monthly-pdf",
      )
    ).toString();
    expect(monthly).toContain("月次業務完了報告書");
    expect(monthly).toContain("第2版");

    // The day's report: drafted from the records, its PDF for the office.
    await manager.getByRole("tab", { name: "日次報告書" }).click();
    await manager.getByLabel("対象日").fill("2026-02-27");
    await manager.getByRole("heading", { name: /日次報告書 2026-02-27/ }).waitFor();
    await screenshot(manager, "report-daily");
    const daily = (
      await pdfToPng(
        manager,
        `${demo.server.url}/api/v1/reports/daily/2026-02-27/report.pdf`,
        "report-daily-pdf",
      )
    ).toString();
    expect(daily).toContain("日次報告書");

    // The manager claims February: accepted, so claimable at the inspected amount.
    await manager.getByRole("link", { name: "委託料" }).click();
    const february = manager.locator('tr[data-month="2026-02"]');
    await february.getByText("請求可能").waitFor();
    expect(await manager.locator('tr[data-month="2026-03"]').getByRole("button").count()).toBe(0);
    await february.getByRole("button", { name: "請求する" }).click();
    await manager.getByRole("alertdialog").getByRole("button", { name: "請求する" }).click();
    await manager.getByText("2026年2月分を請求しました", { exact: false }).waitFor();
    await february.getByText("請求済").waitFor();
    await screenshot(manager, "payments-claimed");
    // The books: an expense recorded for February (never edited: a correction is another entry).
    await manager.getByLabel("対象月").last().fill("2026-02");
    await manager.getByLabel("項目").fill("用紙・トナー");
    await manager.getByLabel("金額（円）").fill("38500");
    await manager.getByRole("button", { name: "記帳する" }).click();
    await manager.getByText("記帳しました。").waitFor();
    await manager.getByRole("cell", { name: "38,500円" }).first().waitFor();
    await screenshot(manager, "ledger");
    expect(await axeViolations(manager)).toEqual([]);

    // The city sees the claim and its invoice, and records the payment.
    await city.getByRole("link", { name: "委託料" }).click();
    const claimed = city.locator('tr[data-month="2026-02"]');
    const invoice = claimed.getByRole("link", { name: "NAGAOKA-202602" });
    await invoice.waitFor();
    const text = (
      await pdfToPng(city, `${demo.server.url}${await invoice.getAttribute("href")}`, "invoice")
    ).toString();
    expect(text).toContain("請求番号 NAGAOKA-202602");
    expect(text).toContain("NAGAOKA-202602");
    expect(text).toContain("2,400,000円");
    await claimed.getByRole("button", { name: "支払済にする" }).click();
    await city.getByRole("alertdialog").getByRole("button", { name: "支払済にする" }).click();
    await claimed.getByText("支払済").first().waitFor();
    await screenshot(city, "payments-paid");

    // The dashboards: four charts drawn by the charting library, each with its figures as CSV.
    await city.getByRole("link", { name: "ダッシュボード" }).click();
    await city.getByRole("heading", { name: "ダッシュボード" }).waitFor();
    await expect.poll(() => city.locator(".dashboard-chart svg").count()).toBe(4);
    const csv = await city.getByRole("link", { name: "CSVで出力" }).first().getAttribute("href");
    const answer = await city.request.get(`${demo.server.url}${csv}`);
    expect(answer.headers()["content-type"]).toContain("text/csv");
    expect((await answer.text()).replace(/^\uFEFF/, "")).toMatch(/^日付,来庁者,/);
    await screenshot(city, "dashboard");
    expect(await axeViolations(city)).toEqual([]);

    // 調査 (仕様 9): the city asks, the manager answers, the city closes it.
    await city.goto(`${demo.server.url}/reports?kind=investigations`);
    await city.getByLabel("件名").fill("2月の待ち時間について");
    await city
      .getByLabel("内容（説明・提出を求める事項）")
      .fill("混雑した日の人員配置を説明してください。");
    await city.getByLabel("回答期限").fill("2026-03-17");
    await city.getByRole("button", { name: "依頼する" }).click();
    await city.getByText("調査を依頼しました。").waitFor();
    await manager.goto(`${demo.server.url}/reports?kind=investigations`);
    await manager.getByText("2月の待ち時間について").waitFor();
    await manager
      .getByLabel("回答")
      .fill("月曜日の午前に来庁が集中したため、休憩をずらして対応しました。");
    await manager.getByRole("button", { name: "回答する" }).click();
    await manager.getByText("回答しました。").waitFor();
    await city.reload();
    await city.getByRole("button", { name: "完了にする" }).click();
    await city.getByText("完了にしました。").waitFor();
    await screenshot(city, "investigations");
    expect(await axeViolations(city)).toEqual([]);
    await managerContext.close();
    await cityContext.close();
  }, 120_000);
});
