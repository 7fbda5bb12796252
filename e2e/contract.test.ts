import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, demoFixture, SCREENSHOTS, screenshot, signedIn } from "./browser.ts";

/** 契約の管理 (仕様 14): the proposal's commitments, subcontracting consents and disclosure. */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" });

async function contractPage(username: string): Promise<Page> {
  const page = await (
    await demo.browser.newContext({ viewport: { width: 1366, height: 1100 } })
  ).newPage();
  await signedIn(page, demo.server.url, username);
  await page.getByRole("link", { name: "契約・公開" }).click();
  await page.getByRole("heading", { name: "契約の管理" }).waitFor();
  return page;
}

describe("the contract's register, consents and disclosures", () => {
  it("the manager records a commitment with evidence and asks consent; the city reviews, consents and discloses masked", async () => {
    const manager = await contractPage("manager");
    await manager.locator("summary", { hasText: "提案事項を登録" }).click();
    const form = manager.getByRole("form", { name: "提案事項を登録" });
    await form.getByLabel("提案書の項番").fill("3-4");
    await form.getByLabel("提案事項").fill("電話の応答率を毎月90%以上にする");
    await form
      .getByLabel("内容")
      .fill("月次報告で応答率を示し、下回った月は要因と対策を報告する。");
    await form.getByLabel("区分").selectOption("service");
    await form.getByLabel("開始月").fill("2026-06");
    await form.getByRole("button", { name: "提案事項を登録" }).click();
    const item = manager.getByRole("article", { name: /3-4 電話の応答率/ });
    await item.getByText("証跡のない月: 2026-06、2026-07").waitFor();
    await item.getByRole("button", { name: "証跡を追加" }).click();
    const evidence = item.getByRole("form", { name: "証跡を追加" });
    // The demo has no service records of July to take a figure from: a document kept elsewhere.
    await evidence.getByLabel("証跡の種類").selectOption("figure");
    await evidence.getByLabel("対象月").fill("2026-07");
    await evidence.getByRole("button", { name: "証跡を追加" }).click();
    await item.getByText("2026年7月の実績がありません。").waitFor();
    await evidence.getByLabel("証跡の種類").selectOption("document");
    await evidence.getByLabel("書類の名称").fill("7月 電話応答率の集計（月次報告 別紙3）");
    await evidence.getByLabel("対象月").fill("2026-07");
    await evidence.getByLabel("補足").fill("応答率 93.5%");
    await evidence.getByRole("button", { name: "証跡を追加" }).click();
    await item.getByText("7月 電話応答率の集計（月次報告 別紙3）").waitFor();
    await item.getByText("証跡のない月: 2026-06").waitFor();

    await manager.getByRole("tab", { name: "再委託" }).click();
    await manager.locator("summary", { hasText: "承諾を申請" }).click();
    const request = manager.getByRole("form", { name: "承諾を申請" });
    await request.getByLabel("再委託先（名称）").fill("株式会社長岡コールサービス");
    await request.getByLabel("所在地").fill("新潟県長岡市大手通1-1");
    await request.getByLabel("電話対応").check();
    await request.getByLabel("業務の範囲").fill("繁忙期の電話予約の受付");
    await request.getByLabel("理由").fill("繁忙期の入電が1日200件を超えるため");
    await request.getByLabel("期間（開始）").fill("2026-08-01");
    await request.getByLabel("期間（終了）").fill("2027-03-31");
    await request.getByLabel("個人情報を取り扱う").check();
    await request.getByLabel("個人情報の保護措置").fill("誓約書、研修、通話録音の持出し禁止");
    await request.getByRole("button", { name: "承諾を申請" }).click();
    await manager.getByText("承諾申請中").waitFor();

    // The city reviews the commitment and answers the request in writing.
    const city = await contractPage("city");
    const seen = city.getByRole("article", { name: /3-4 電話の応答率/ });
    await seen.getByRole("button", { name: "確認する" }).click();
    const dialog = city.getByRole("alertdialog");
    await dialog.getByLabel("確認の結果").selectOption("concern");
    await dialog.getByLabel("意見").fill("6月分の根拠を添付してください。");
    await dialog.getByRole("button", { name: "確認する" }).click();
    await seen.getByText(/市の確認: 要改善　6月分の根拠を添付してください。/).waitFor();
    await screenshot(city, "commitments-register");
    expect(await axeViolations(city)).toEqual([]);

    await city.getByRole("tab", { name: "再委託" }).click();
    await city.getByRole("button", { name: "回答する" }).click();
    await dialog.getByLabel("回答", { exact: true }).selectOption("consented");
    await dialog.getByLabel("文書番号").fill("長市窓第1234号");
    await dialog.getByLabel("条件").fill("再委託先の従事者名簿を事前に提出すること");
    await dialog.getByRole("button", { name: "回答する" }).click();
    await city.getByText(/承諾　長市窓第1234号/).waitFor();
    await city.getByText("承諾期間中").waitFor();
    await screenshot(city, "subcontracting-consented");
    expect(await axeViolations(city)).toEqual([]);

    await city.getByRole("tab", { name: "情報公開" }).click();
    const disclose = city.getByRole("form", { name: "開示する" });
    await disclose.getByLabel("開示請求の番号").fill("令和8年度 第12号");
    await disclose.getByLabel("開示先（請求者）").fill("新潟 次郎");
    await disclose.getByLabel(/提案事項の履行状況/).check();
    await disclose.getByLabel(/再委託承諾申請（株式会社長岡コールサービス）/).check();
    await disclose.getByLabel(/ほかに黒塗りにする語句/).fill("大手通");
    await disclose.getByRole("button", { name: "開示する" }).click();
    await city.getByText("開示しました。", { exact: false }).waitFor();
    const record = city.getByRole("table", { name: "開示の記録" });
    await record.getByText("令和8年度 第12号").waitFor();
    await record.getByText(/2件の文書、黒塗り \d+箇所/).waitFor();
    await screenshot(city, "disclosure-record");
    expect(await axeViolations(city)).toEqual([]);

    // What the requester receives: the manager's name and the address withheld.
    const href = await record.getByRole("link", { name: "開示文書（zip）" }).getAttribute("href");
    const zip = await JSZip.loadAsync(
      await (await city.request.get(`${demo.server.url}${href}`)).body(),
    );
    const dir = mkdtempSync(join(tmpdir(), "disclosed-"));
    const texts: string[] = [];
    for (const [name, file] of Object.entries(zip.files)) {
      writeFileSync(join(dir, "f.pdf"), await file.async("uint8array"));
      texts.push(execFileSync("pdftotext", [join(dir, "f.pdf"), "-"], { encoding: "utf8" }));
      // The subcontracting request as the requester reads it, to look at.
      if (name.includes("再委託"))
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "70",
          "-singlefile",
          join(dir, "f.pdf"),
          join(SCREENSHOTS, "disclosed-subcontract"),
        ]);
      expect(name).toMatch(/\.pdf$/);
    }
    const all = texts.join("\n");
    expect(texts).toHaveLength(3);
    expect(all).toContain("株式会社長岡コールサービス");
    expect(all).not.toContain("管理 一郎");
    expect(all).not.toContain("大手通");
  }, 120_000);
});
