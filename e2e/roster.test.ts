import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpSignIn } from "../test/server.ts";
import {
  axeViolations,
  DEMO_PASSWORD,
  type E2eServer,
  launchBrowser,
  pdfToPng,
  screenshot,
  signedIn,
  startDemoServer,
} from "./browser.ts";

let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  server = await startDemoServer({ MADOGUCHI_CLOCK: "2026-11-25T10:00:00+09:00" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("staff roster in the browser", () => {
  it("the manager submits the roster, adds a person, records training and designates a deputy; the city acknowledges", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const manager = await context.newPage();
    await signedIn(manager, server.url, "manager");
    await manager.getByRole("link", { name: "従事者名簿・研修" }).click();
    await manager.getByRole("heading", { name: "従事者名簿" }).waitFor();
    await manager.getByRole("rowheader", { name: /窓口 花子/ }).waitFor();
    await manager.getByRole("button", { name: "名簿・体制図を市に提出" }).click();
    await manager.getByText("名簿と体制図を市に提出しました。").waitFor();

    await manager.getByRole("button", { name: "従事者を追加" }).click();
    const form = manager.getByRole("form", { name: "従事者の情報" });
    // The server's own schema, run in the form: nothing is sent without a name or any work.
    await form.getByRole("button", { name: "名簿に追加" }).click();
    await form.getByText("入力してください。").first().waitFor();
    expect(await form.getByLabel("氏名（漢字）").getAttribute("aria-invalid")).toBe("true");
    await form.getByLabel("氏名（漢字）").fill("中村 恵");
    await form.getByLabel("ふりがな").fill("なかむら めぐみ");
    await form.getByLabel("雇用形態").selectOption("regular");
    await form.getByLabel("社内連絡先").fill("内線 4321");
    await form.getByLabel("カード業務の経験（か月）").fill("20");
    await form.getByRole("checkbox", { name: "電話" }).check();
    await form.getByRole("button", { name: "名簿に追加" }).click();
    await manager.getByText("中村 恵さんを名簿に追加しました。").waitFor();
    const row = manager.getByRole("row", { name: /中村 恵/ });
    await row.getByText(/未受講/).waitFor();

    await manager.getByRole("tab", { name: "研修" }).click();
    const training = manager.getByRole("form", { name: "研修の実施記録" });
    for (const course of ["個人情報保護研修", "業務マニュアル研修"]) {
      await training.getByLabel("研修").selectOption({ label: course });
      await training.getByLabel("講師").fill("管理 一郎");
      await training.getByRole("checkbox", { name: /中村 恵/ }).check();
      await training.getByRole("button", { name: "記録する" }).click();
      await manager.getByText(`研修「${course}」の受講を1名分記録しました。`).waitFor();
    }

    await manager.getByRole("tab", { name: "名簿" }).click();
    await row.getByText("✓ 受講済").waitFor();
    await row.getByRole("button", { name: "副管理者に指名" }).click();
    await manager.getByText("中村 恵さんを業務副管理者に指名しました。").waitFor();
    await row.getByText("業務副管理者").first().waitFor();
    await row.getByRole("button", { name: "連絡先を表示" }).click();
    await row.getByText("連絡先: 内線 4321").waitFor();
    await screenshot(manager, "roster-manager");
    const violations = await axeViolations(manager);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    await manager.getByRole("tab", { name: "勤務・在席" }).click();
    await manager.getByText("全ての開庁時間に業務管理者または副管理者がいます。").waitFor();
    await manager.getByRole("rowheader", { name: "08:30〜09:00" }).waitFor();
    await screenshot(manager, "roster-duty");

    await manager.getByRole("tab", { name: "体制図" }).click();
    await manager.getByRole("figure", { name: "業務実施体制図" }).getByText("中村 恵").waitFor();
    // The chart reads as a chart: the city left of the manager, the deputy under the manager,
    // and every kind of work below both.
    const chart = manager.getByRole("figure", { name: "業務実施体制図" });
    const box = async (selector: string, nth = 0) =>
      (await chart.locator(selector).nth(nth).boundingBox())!;
    const cityBox = await box(".org-city");
    const lead = await box(".org-lead", 0);
    const deputy = await box(".org-lead", 1);
    const work = await box(".org-column", 0);
    expect(cityBox.x + cityBox.width).toBeLessThan(lead.x);
    expect(Math.abs(cityBox.y + cityBox.height / 2 - (lead.y + lead.height / 2))).toBeLessThan(4);
    expect(deputy.y).toBeGreaterThan(lead.y + lead.height);
    expect(Math.abs(deputy.x - lead.x)).toBeLessThan(2);
    expect(work.y).toBeGreaterThan(deputy.y + deputy.height);
    await screenshot(manager, "roster-chart-screen");
    const chartText = (
      await pdfToPng(manager, `${server.url}/api/v1/roster/chart.pdf`, "roster-chart-pdf")
    ).toString();
    expect(chartText).toContain("業務実施体制図");
    expect(chartText).toContain("中村 恵");
    expect(chartText).not.toContain("4321");
    const tagsText = (
      await pdfToPng(manager, `${server.url}/api/v1/roster/name-tags.pdf`, "roster-name-tags")
    ).toString();
    expect(tagsText).toContain("業務管理者");
    expect(tagsText).not.toContain("内線");
    await context.close();

    const cityContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const city = await cityContext.newPage();
    await signedIn(city, server.url, "city");
    await city.getByRole("link", { name: "従事者名簿・研修" }).click();
    await city.getByRole("tab", { name: /提出・変更報告 \(3\)/ }).click();
    const designation = city.getByRole("listitem").filter({ hasText: "業務副管理者に中村 恵" });
    await designation.getByText("（前任 副管理 次郎）", { exact: false }).waitFor();
    await designation.getByRole("button", { name: "確認する" }).click();
    const ask = city.getByRole("alertdialog");
    await ask.getByLabel("確認のメモ（任意）").fill("確認しました");
    await ask.getByRole("button", { name: "確認済みにする" }).click();
    await designation.getByText(/確認済/).waitFor();
    await designation.getByText("「確認しました」", { exact: false }).waitFor();
    // The city never sees contact data and cannot edit.
    expect(await city.getByText("4321").count()).toBe(0);
    expect(await city.getByRole("button", { name: "従事者を追加" }).count()).toBe(0);
    await screenshot(city, "roster-city-notices");
    const cityViolations = await axeViolations(city);
    expect(cityViolations, JSON.stringify(cityViolations, null, 1)).toEqual([]);
    await cityContext.close();
  });
});

describe("the roster person form", () => {
  it("keeps a weekend worker's weekday hours when another field is edited, and each day's own hours", async () => {
    const api = await httpSignIn(server.url, "nagaoka", "manager", DEMO_PASSWORD);
    const roster = (await (await api("GET", "/api/v1/roster")).json()) as {
      people: { id: string; name: string }[];
    };
    const hanako = roster.people.find((p) => p.name === "窓口 花子")!;
    const weekday = { from: "08:15", to: "17:30" };
    const availability = {
      "1": weekday,
      "2": weekday,
      "3": weekday,
      "6": { from: "09:00", to: "12:00" },
    };
    const set = await api("PATCH", `/api/v1/roster/people/${hanako.id}`, { availability });
    expect(set.status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signedIn(page, server.url, "manager");
    await page.goto(`${server.url}/roster`);
    await page
      .getByRole("row", { name: /窓口 花子/ })
      .getByRole("button", { name: "編集" })
      .click();
    const form = page.getByRole("form", { name: "従事者の情報" });
    await form.getByLabel("週の上限（時間）").fill("30");
    await screenshot(page, "roster-person-form-hours");
    await form.getByRole("button", { name: "変更を保存" }).click();
    await page.getByText("名簿を更新しました。").waitFor();

    const entry = async () =>
      (
        (await (await api("GET", "/api/v1/roster")).json()) as {
          people: { id: string; availability: Record<string, unknown>; weeklyHourLimit: number }[];
        }
      ).people.find((p) => p.id === hanako.id)!;
    expect(await entry()).toMatchObject({ weeklyHourLimit: 30, availability });

    // Saturday's own hours change; Monday's stay.
    await page
      .getByRole("row", { name: /窓口 花子/ })
      .getByRole("button", { name: "編集" })
      .click();
    await form.getByLabel("土曜 から").fill("09:30");
    await form.getByRole("button", { name: "変更を保存" }).click();
    await page.getByText("名簿を更新しました。").waitFor();
    expect((await entry()).availability).toEqual({
      ...availability,
      "6": { from: "09:30", to: "12:00" },
    });
    await context.close();
  });
});
