import { describe, expect, it } from "vitest";
import { axeViolations, demoFixture, screenshot, signedIn } from "./browser.ts";

/** 要員計画 in the browser: the manager makes August's plan and reads it day by day. */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-07-20T10:00:00+09:00" });

describe("the staffing planner", () => {
  it("makes the month's plan, shows the coverage chart and the roster, and checks a hand edit at once", async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signedIn(page, demo.server.url, "manager");
    await page.getByRole("link", { name: "要員計画" }).click();
    await page.getByRole("heading", { name: "要員計画" }).waitFor();
    expect(await page.getByLabel("対象月").inputValue()).toBe("2026-08");
    await page.getByRole("button", { name: "計画を作成" }).click();
    await page.getByText("勤務時間（人時）").waitFor({ timeout: 60_000 });
    // Where the demand came from is said: this demo database has no history of service.
    await page.getByText("需要は仕様の参考件数（§8(5)）から推計", { exact: false }).waitFor();
    // The chart draws required lines and scheduled bars as SVG.
    const chart = page.locator(".chart-box svg");
    await chart.waitFor();
    expect(await page.locator(".chart-box svg path").count()).toBeGreaterThan(10);
    // The roster of the first open day: people, hours, breaks.
    const rows = page.locator(".roster-grid tbody tr");
    expect(await rows.count()).toBeGreaterThan(4);
    expect(await page.locator(".roster-grid td.slot-work").count()).toBeGreaterThan(50);
    await page.getByText("すべてのルールを満たしています", { exact: false }).waitFor();
    // The workbook for the office, from the same plan.
    const xlsx = await page.getByRole("link", { name: "勤務表をExcelで出力" }).getAttribute("href");
    const download = await page.evaluate(
      (url) => fetch(url!).then((r) => r.headers.get("content-type")),
      xlsx,
    );
    expect(download).toContain("spreadsheetml");
    await screenshot(page, "staffing-plan");
    expect(await axeViolations(page)).toEqual([]);

    // The needs left unmet, each with the rule that binds it and what would lift it: on the
    // reference volumes the morning peaks need more than the five terminals.
    const unmetTable = page.getByRole("table").filter({ hasText: "解消に必要なこと" });
    await unmetTable.waitFor();
    const firstDate = (await unmetTable.locator("tbody tr td").first().textContent()) ?? "";
    expect(firstDate).toMatch(/^2026-08-\d\d$/);
    await page
      .locator(".day-tabs")
      .getByRole("button", { name: String(Number(firstDate.slice(8))), exact: true })
      .click();
    const causes = page.getByRole("list", { name: "この日の満たせない必要人数とその原因" });
    await causes.waitFor();
    await causes.getByText("統合端末の台数").first().waitFor();
    await causes.getByText("統合端末をあと", { exact: false }).first().waitFor();
    // Shaded on the chart and named there too.
    await page.locator(".chart-box svg").getByText("統合端末の台数").first().waitFor();
    await screenshot(page, "staffing-causes");
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(".day-tabs button").first().click();

    // A nine-hour day without a break: the Labour Standards Act rule is broken, said at once.
    await rows.first().getByRole("button").click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel("開始", { exact: true }).fill("08:30");
    await dialog.getByLabel("終了", { exact: true }).fill("17:30");
    await dialog.getByLabel("休憩開始").fill("");
    await dialog.getByLabel("休憩終了").fill("");
    await dialog.getByRole("button", { name: "反映" }).click();
    await page.getByText("休憩が労働基準法の時間に足りません", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "勤務表を公開" }).isDisabled()).toBe(true);
    await screenshot(page, "staffing-edit-checked");

    // A shift taken off (blank times), then one added by hand for the person now free that day.
    const before = await rows.count();
    await rows.nth(1).getByRole("button").click();
    const removing = page.getByRole("alertdialog");
    await removing.getByLabel("開始", { exact: true }).fill("");
    await removing.getByLabel("終了", { exact: true }).fill("");
    await removing.getByRole("button", { name: "反映" }).click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    await page.getByRole("button", { name: "＋ 勤務を追加" }).click();
    const adding = page.getByRole("alertdialog");
    await adding.waitFor();
    expect(await adding.getByLabel("氏名").locator("option").count()).toBeGreaterThan(0);
    await adding.getByLabel("開始", { exact: true }).fill("13:00");
    await adding.getByLabel("終了", { exact: true }).fill("17:00");
    await adding.getByRole("button", { name: "追加", exact: true }).click();
    await expect.poll(() => rows.count()).toBe(before);
    expect(await page.getByRole("button", { name: "修正を保存" }).isEnabled()).toBe(true);

    // The manager sets the tenant's targets; the next plan aims at them.
    await page.getByText("サービス水準目標", { exact: false }).first().click();
    await page.getByLabel("窓口: 目標時間内に呼び出す割合").selectOption("0.9");
    await page.getByLabel("窓口: 目標の待ち時間（分）").fill("10");
    await page.getByRole("button", { name: "目標を保存" }).click();
    await page.getByText("目標を保存しました", { exact: false }).waitFor();
    await page.getByText("窓口 90% を10分以内に呼出", { exact: false }).waitFor();
    await screenshot(page, "staffing-targets");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
