import { describe, expect, it } from "vitest";
import { axeViolations, demoFixture, screenshot, signedIn } from "./browser.ts";

/** 運営マニュアル: the manager writes a version, the city confirms it, the counter searches it. */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" });

describe("the operation manual", () => {
  it("is edited by the manager, confirmed by the city, and searched at the counter", async () => {
    const manager = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 1000 } })
    ).newPage();
    await signedIn(manager, demo.server.url, "manager");
    await manager.getByRole("link", { name: "運営マニュアル" }).click();
    await manager
      .getByRole("heading", { name: "マイナンバーカード専用窓口 運営マニュアル" })
      .waitFor();
    await manager.getByRole("button", { name: "新しい版を作成" }).click();
    const body = manager.getByLabel(/本文/);
    await body.fill(
      `${await body.inputValue()}\n## 7.4 停電時\n非常用照明を点け、来庁者を出口へ誘導する。統合端末の電源を切る。\n`,
    );
    await manager.getByRole("button", { name: /下書きとして保存/ }).click();
    await manager.getByText("第2版を下書きとして保存しました。", { exact: false }).waitFor();

    // The counter does not see the draft.
    const clerk = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signedIn(clerk, demo.server.url, "staff");
    await clerk.getByRole("link", { name: "運営マニュアル" }).click();
    await clerk.getByLabel("マニュアルを検索").fill("停電");
    await clerk.getByText("該当する項目はありません。").waitFor();

    // The city reads the changes and confirms.
    const city = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 1000 } })
    ).newPage();
    await signedIn(city, demo.server.url, "city");
    await city.getByRole("link", { name: "運営マニュアル" }).click();
    await city.getByRole("button", { name: "変更点を見る" }).click();
    const changes = city.getByRole("region", { name: /第1版からの変更点/ });
    await changes.getByText("+ ## 7.4 停電時").waitFor();
    await screenshot(city, "manual-diff");
    expect(await axeViolations(city)).toEqual([]);
    await city.getByRole("button", { name: "確認する" }).click();
    await city.getByText("第2版を確認しました。", { exact: false }).waitFor();

    // Now the counter finds it, and kana, kanji and variants find their sections.
    await clerk.reload();
    const search = clerk.getByLabel("マニュアルを検索");
    await search.fill("停電");
    await clerk.getByRole("link", { name: "7. 障害・緊急時 › 7.4 停電時" }).click();
    await search.fill("ぱすわーど");
    await clerk.getByRole("link", { name: /4\.1 暗証番号の再設定/ }).waitFor();
    await search.fill("受け取り");
    await clerk.getByRole("link", { name: /3\.1 カードの受取（交付）/ }).waitFor();
    await screenshot(clerk, "manual-search");
    expect(await axeViolations(clerk)).toEqual([]);
  }, 90_000);

  it("keeps a clerk from the counter until an essential notice is read", async () => {
    const manager = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signedIn(manager, demo.server.url, "manager");
    await manager.getByRole("link", { name: "お知らせ（周知）" }).click();
    const form = manager.getByRole("form", { name: "お知らせを掲示する" });
    await form.getByLabel("件名").fill("代理人の照会書は原本のみ");
    await form
      .getByLabel("内容")
      .fill("8月5日から、代理人が持参する照会書は原本のみ受け付けます。");
    await form.getByLabel("必読（読むまで窓口を開けない）").check();
    await form.getByRole("button", { name: "お知らせを掲示する" }).click();
    await manager.getByText("掲示しました。").waitFor();

    const clerk = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signedIn(clerk, demo.server.url, "staff");
    await clerk.getByRole("link", { name: "窓口業務" }).click();
    await clerk.getByRole("button", { name: "窓口を開く" }).click();
    await clerk
      .getByText(
        "必読のお知らせ「代理人の照会書は原本のみ」を読んで確認してから窓口を開いてください。",
      )
      .waitFor();
    await clerk.getByRole("link", { name: "未確認のお知らせが1件あります" }).click();
    await clerk.getByRole("button", { name: "読みました" }).click();
    await clerk.getByText("確認を記録しました。").waitFor();
    await screenshot(clerk, "notices");
    expect(await axeViolations(clerk)).toEqual([]);
    await clerk.getByRole("link", { name: "窓口業務" }).click();
    await clerk.getByRole("button", { name: "窓口を開く" }).click();
    await clerk.getByRole("button", { name: /呼出/ }).first().waitFor();
    await manager.reload();
    await manager.getByText(/確認済み 2／\d+人/).waitFor();
  }, 60_000);

  it("takes an improvement proposal from a clerk's draft to the city's acceptance", async () => {
    const clerk = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 1000 } })
    ).newPage();
    await signedIn(clerk, demo.server.url, "staff");
    await clerk.getByRole("link", { name: "改善提案" }).click();
    const form = clerk.getByRole("form", { name: "提案を作成する" });
    await form.getByLabel("件名").fill("受取予約の前日に交付前設定を終える");
    await form.getByLabel("課題").fill("予約当日に設定が終わらず待ち時間が延びた。");
    await form.getByLabel("改善策").fill("前日までに設定し、設定待ちを期限順に並べる。");
    await form.getByLabel("期待される効果").fill("交付の所要時間を約3分短縮。");
    await form.getByLabel("根拠（記録・報告・数値）").fill("2026年7月 月次報告");
    await form.getByRole("button", { name: "下書きを保存" }).click();
    await clerk.getByText("下書きを保存しました。", { exact: false }).waitFor();

    const manager = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 1000 } })
    ).newPage();
    await signedIn(manager, demo.server.url, "manager");
    await manager.getByRole("link", { name: "改善提案" }).click();
    await manager.getByRole("button", { name: "市へ提出" }).click();
    await manager.getByText("市の判断待ち").waitFor();

    const city = await (
      await demo.browser.newContext({ viewport: { width: 1366, height: 1000 } })
    ).newPage();
    await signedIn(city, demo.server.url, "city");
    await city.getByRole("link", { name: "改善提案" }).click();
    await city.getByRole("button", { name: "判断する" }).click();
    await city
      .getByRole("alertdialog")
      .getByLabel("判断", { exact: true })
      .selectOption("accepted");
    await city
      .getByRole("alertdialog")
      .getByLabel("意見")
      .fill("採用します。次の版のマニュアルに反映してください。");
    await city.getByRole("alertdialog").getByRole("button", { name: "判断する" }).click();
    await city.getByText("市の意見:").waitFor();
    await city.getByText("採用", { exact: true }).waitFor();
    await screenshot(city, "proposal-accepted");
    expect(await axeViolations(city)).toEqual([]);
  }, 60_000);
});
