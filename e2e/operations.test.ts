import { describe, expect, it } from "vitest";
import { httpSignIn } from "../test/server.ts";
import { axeViolations, DEMO_PASSWORD, demoFixture, screenshot, signedIn } from "./browser.ts";

/** Incidents from report to the city's closure; the emergency call on two workstations. */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" });

describe("operations on the day things go wrong", () => {
  it("reaches every open workstation within a second when a counter raises the emergency call", async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const clerk = await context.newPage();
    const lead = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signedIn(clerk, demo.server.url, "staff");
    await signedIn(lead, demo.server.url, "manager");
    await lead.goto(`${demo.server.url}/counter`);
    await lead.getByRole("navigation").waitFor();
    // Give both pages' streams a moment to connect.
    await lead.waitForTimeout(500);

    // The clerk presses Ctrl+Shift+E, chooses, sends.
    await clerk.keyboard.press("Control+Shift+E");
    await clerk.getByRole("alertdialog").getByLabel("内容").selectOption("sudden_illness");
    const sent = Date.now();
    await clerk.getByRole("button", { name: "送信する" }).click();
    const alarm = lead.locator(".emergency-alarm");
    await alarm.waitFor({ timeout: 1_000 });
    const seconds = (Date.now() - sent) / 1000;
    expect(seconds).toBeLessThan(1);
    await alarm.getByText("急病人").waitFor();
    await clerk.locator(".emergency-alarm").waitFor({ timeout: 1_000 });
    await lead.getByRole("button", { name: "対応します" }).click();
    await clerk.getByText("さんが対応中").waitFor({ timeout: 2_000 });
    await screenshot(lead, "emergency-alarm");
    const violations = await axeViolations(lead);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await lead.getByRole("button", { name: "終了する" }).click();
    await lead.getByLabel("経過（記録に残ります）").fill("救急車を要請し、付き添った。");
    await lead.getByRole("alertdialog").getByRole("button", { name: "終了する" }).click();
    await clerk.locator(".emergency-alarm").waitFor({ state: "detached", timeout: 2_000 });
    process.stdout.write(
      `emergency alarm on the other workstation ${seconds.toFixed(2)} s after it was sent\n`,
    );
    await context.close();
  }, 60_000);

  it("walks an incident from the counter's report to the city's closure", async () => {
    // The leads set where incidents go to the city.
    const manager = await httpSignIn(demo.server.url, "nagaoka", "manager", DEMO_PASSWORD);
    const plan = await (await manager("GET", "/api/v1/continuity")).json();
    expect(
      (
        await manager("PUT", "/api/v1/continuity", {
          ...plan,
          cityNoticeEmails: ["shimin@city.nagaoka.example.jp"],
          version: undefined,
          savedAt: undefined,
          savedBy: undefined,
        })
      ).status,
    ).toBe(200);

    const clerk = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    const city = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 1000 } })
    ).newPage();
    await signedIn(clerk, demo.server.url, "staff");
    await signedIn(city, demo.server.url, "city");
    await city.waitForTimeout(500);

    await clerk.getByRole("link", { name: "事故・障害" }).click();
    const form = clerk.getByRole("form", { name: "事故・障害を報告する" });
    await form.getByLabel("種別").selectOption("security_event");
    await form.getByLabel("重大度").selectOption("high");
    await form.getByLabel("発生時刻").fill("09:40");
    await form
      .getByLabel("発生した事象（個人情報は書かない）")
      .fill("交付通知書を別の来庁者に渡した（直後に回収）");
    await form.getByLabel("影響を受けた方（個人を特定しない書き方で）").fill("来庁者1名");
    await form.getByRole("button", { name: "報告する" }).click();
    await clerk.getByText("報告しました。市へ通知しました。").waitFor();

    // On the city's home at once, without a reload; then on its list with the notice on its timeline.
    await city.getByRole("link", { name: /対応中の事故・障害\s*1/ }).click({ timeout: 3_000 });
    const card = city.locator("article.incident").first();
    await card.getByText("交付通知書を別の来庁者に渡した").first().waitFor({ timeout: 3_000 });
    await card.getByText("shimin@city.nagaoka.example.jp へ電子メールで通知").waitFor();
    await screenshot(city, "incident-reported");
    await card.getByRole("button", { name: "指示を記録" }).click();
    await city.getByLabel("内容").fill("本日中に経緯書を提出してください。");
    await city.getByRole("alertdialog").getByRole("button", { name: "指示を記録" }).click();
    await card.getByText("本日中に経緯書を提出してください。").waitFor();

    // The manager records the action (through the API here; the page is the same for them).
    const [incident] = await (await manager("GET", "/api/v1/incidents?state=open")).json();
    await manager("POST", `/api/v1/incidents/${incident.id}/entries`, {
      kind: "action",
      text: "経緯書を提出。交付時の読み上げ確認を徹底。",
    });
    await card.getByText("経緯書を提出。交付時の読み上げ確認を徹底。").waitFor({ timeout: 3_000 });
    await card.getByRole("button", { name: "終結とする" }).click();
    await city.getByLabel("再発防止策").fill("交付前に氏名と生年月日を本人に読み上げてもらう。");
    await city.getByRole("alertdialog").getByRole("button", { name: "終結とする" }).click();
    await card.getByText("終結", { exact: true }).first().waitFor();
    await card.getByText("再発防止策: 交付前に氏名と生年月日を本人に読み上げてもらう。").waitFor();
    await screenshot(city, "incident-closed");
    expect(await axeViolations(city)).toEqual([]);
  }, 60_000);

  it("takes a faulty terminal out of the counter's choice as soon as a clerk reports it", async () => {
    const page = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signedIn(page, demo.server.url, "deputy");
    await page.getByRole("link", { name: "備品台帳" }).click();
    const row = page.locator('tr[data-item="T2"]');
    await row.getByRole("button", { name: "故障を報告" }).click();
    await page.getByLabel("内容").fill("静脈認証が読み取れない");
    await page.getByRole("alertdialog").getByRole("button", { name: "故障を報告" }).click();
    await page.getByText("統合端末2を故障として記録しました。").waitFor();
    await row.getByText("故障", { exact: true }).waitFor();
    await screenshot(page, "equipment-ledger");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "窓口業務" }).click();
    const option = page.getByRole("option", { name: /T2 統合端末2（故障・修理中）/ });
    expect(await option.isDisabled()).toBe(true);
  }, 60_000);

  it("re-plans the day when two people call in sick, and puts the cover on the roster", async () => {
    const manager = await httpSignIn(demo.server.url, "nagaoka", "manager", DEMO_PASSWORD);
    expect((await manager("POST", "/api/v1/staffing/plans", { month: "2026-08" })).status).toBe(
      201,
    );
    // Someone free on Tuesdays who can come in.
    const joined = await manager("POST", "/api/v1/roster/people", {
      nameKanji: "応援 花子",
      nameKana: "おうえん はなこ",
      employment: "fixed_term",
      startDate: "2026-07-01",
      cardExperienceMonths: 12,
      workRoles: ["counter"],
      weeklyHourLimit: 30,
      availability: { "2": { from: "08:30", to: "17:30" } },
    });
    const { id } = (await joined.json()) as { id: string };
    for (const courseId of ["personal-data", "operation-manual"])
      await manager("POST", "/api/v1/training/sessions", {
        courseId,
        heldOn: "2026-07-10",
        instructor: "研修 担当",
        attendees: [id],
      });
    const page = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 1000 } })
    ).newPage();
    await signedIn(page, demo.server.url, "manager");
    await page.getByRole("link", { name: "緊急時の体制" }).click();
    const panel = page.getByRole("region", { name: /当日の欠勤と再計画/ });
    const boxes = panel.getByRole("checkbox");
    await boxes.first().waitFor();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await panel.getByRole("button", { name: "代わりの体制を提案" }).click();
    await panel.getByText("応援 花子").waitFor();
    await screenshot(page, "replan-day");
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole("button", { name: "勤務予定に反映" }).click();
    await page.getByText("勤務予定に反映しました。").waitFor();
    // After the outage: a paper ticket's visit entered from the paper log.
    const paper = page.getByRole("form", { name: "紙の整理券の記録（復旧後）" });
    await paper.getByLabel("整理券の番号").fill("P001");
    await paper.getByLabel("受付", { exact: true }).fill("09:10");
    await paper.getByLabel("開始", { exact: true }).fill("09:20");
    await paper.getByLabel("終了", { exact: true }).fill("09:32");
    await paper.getByRole("button", { name: "記録する" }).click();
    await page.getByText("P001 を記録しました。").waitFor();
    await paper.getByLabel("整理券の番号").fill("P001");
    await paper.getByRole("button", { name: "記録する" }).click();
    await page.getByText("紙の整理券 P001 はこの日すでに記録されています。").waitFor();
  }, 90_000);
});
