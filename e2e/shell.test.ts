import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../src/platform/auth/totp.ts";
import {
  axeViolations,
  DEMO_PASSWORD,
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
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What each demo role sees in the main menu (Japanese labels). */
const EXPECTED_NAV: Record<string, string[]> = {
  staff: [
    "ホーム",
    "窓口業務",
    "電話対応",
    "予約一覧",
    "カード在庫",
    "お知らせ（周知）",
    "運営マニュアル",
    "備品台帳",
    "事故・障害",
    "緊急時の体制",
    "改善提案",
    "発券機",
    "呼出表示盤",
    "業務カレンダー",
    "自分の従事者情報",
    "アカウント設定",
  ],
  deputy: [
    "ホーム",
    "窓口業務",
    "電話対応",
    "予約一覧",
    "カード在庫",
    "お知らせ（周知）",
    "運営マニュアル",
    "備品台帳",
    "事故・障害",
    "緊急時の体制",
    "改善提案",
    "契約・公開",
    "窓口の設定",
    "発券機",
    "呼出表示盤",
    "業務カレンダー",
    "要員計画",
    "ダッシュボード",
    "報告書",
    "従事者名簿・研修",
    "アカウント設定",
  ],
  manager: [
    "ホーム",
    "窓口業務",
    "電話対応",
    "予約一覧",
    "カード在庫",
    "お知らせ（周知）",
    "運営マニュアル",
    "備品台帳",
    "事故・障害",
    "緊急時の体制",
    "改善提案",
    "契約・公開",
    "窓口の設定",
    "発券機",
    "呼出表示盤",
    "業務カレンダー",
    "要員計画",
    "ダッシュボード",
    "報告書",
    "委託料",
    "従事者名簿・研修",
    "利用者管理",
    "アカウント設定",
  ],
  city: [
    "ホーム",
    "運営マニュアル",
    "備品台帳",
    "事故・障害",
    "緊急時の体制",
    "改善提案",
    "契約・公開",
    "業務カレンダー",
    "ダッシュボード",
    "報告書",
    "委託料",
    "従事者名簿・研修",
    "監査ログ",
    "アカウント設定",
  ],
  contractor_admin: [
    "ホーム",
    "事故・障害",
    "契約・公開",
    "業務カレンダー",
    "ダッシュボード",
    "報告書",
    "委託料",
    "従事者名簿・研修",
    "利用者管理",
    "アカウント設定",
  ],
  admin: [
    "ホーム",
    "事故・障害",
    "業務カレンダー",
    "ダッシュボード",
    "報告書",
    "委託料",
    "従事者名簿・研修",
    "利用者管理",
    "監査ログ",
    "アカウント設定",
  ],
};

describe("web shell", () => {
  it("shows an accessible sign-in page", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { name: "マイナンバーカード窓口" }).waitFor();
    await screenshot(page, "signin");
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await page.close();
  });

  it.each(Object.entries(EXPECTED_NAV))(
    "signs in as %s and shows that role's navigation",
    async (role, expected) => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await signInThroughUi(page, server.url, role);
      const nav = page.getByRole("navigation", { name: "メインメニュー" });
      await nav.waitFor();
      expect(await nav.getByRole("link").allInnerTexts()).toEqual(expected);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("ようこそ");
      if (role === "contractor_admin") {
        await page.getByLabel("対象の自治体").waitFor();
      } else {
        expect(await page.getByLabel("対象の自治体").count()).toBe(0);
      }
      await page.getByText("想定受付件数").waitFor();
      await screenshot(page, `home-${role}`);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      await context.close();
    },
  );

  it.each([
    ["kiosk", "ご用件をお選びください"],
    ["board", "呼出番号 Now calling"],
  ])("takes the %s device straight to its full screen", async (role, heading) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInThroughUi(page, server.url, role);
    await page.getByRole("heading", { name: heading }).waitFor();
    expect(await page.getByRole("navigation").count()).toBe(0);
    await context.close();
  });

  it("lets the head office switch tenants", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughUi(page, server.url, "contractor_admin");
    const switcher = page.getByLabel("対象の自治体");
    await switcher.selectOption("nagaoka-training");
    await page.getByRole("heading", { name: /研修用/ }).waitFor();
    await context.close();
  });

  it("lets the city read the audit trail in words, filter it and export it as CSV", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signedIn(page, server.url, "city");
    // The city's home: today's live figures and what waits on them.
    await page.getByRole("heading", { name: "本日の状況" }).waitFor();
    await page.getByRole("heading", { name: "やること" }).waitFor();
    await page.getByText("開いている窓口").waitFor();
    await screenshot(page, "home-city");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "監査ログ" }).click();
    await page.getByLabel("操作の種類").selectOption({ label: "サインイン" });
    const firstRow = page.getByRole("row").nth(1);
    await firstRow.getByRole("cell", { name: /^サインイン/ }).waitFor();
    expect(await page.getByRole("cell", { name: /auth\.sign_in/ }).count()).toBeGreaterThan(0);
    await screenshot(page, "audit-city-filtered");
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSVで出力" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("audit.csv");
    await context.close();
  });

  it("lets the administrator add a device account and see it listed at once", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signedIn(page, server.url, "admin");
    await page.getByRole("link", { name: "利用者管理" }).click();
    const form = page.locator("form.panel");
    await form.getByLabel("利用者名").fill("kiosk-2f");
    await form.getByLabel("氏名").fill("発券機 2階");
    await form.getByLabel("パスワード").fill("a long kiosk password");
    await form.getByRole("button", { name: "追加" }).click();
    await page.getByRole("cell", { name: "kiosk-2f" }).waitFor();
    await context.close();
  });

  it("switches to English and back", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signedIn(page, server.url, "city");
    await page.getByRole("button", { name: "English" }).click();
    await page
      .getByRole("navigation", { name: "Main menu" })
      .getByRole("link", { name: "Audit trail" })
      .click();
    await page.getByRole("button", { name: "Verify chain" }).click();
    await page.getByText("The audit trail is intact").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await screenshot(page, "audit-city-en");
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await page.getByRole("button", { name: "日本語" }).click();
    await page.getByRole("heading", { name: "監査ログ" }).waitFor();
    await context.close();
  });

  it("enrols a second factor, then signs in with the code step", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughUi(page, server.url, "deputy");
    await page.getByRole("link", { name: "アカウント設定" }).click();
    await page.getByRole("button", { name: "二要素認証を設定する" }).click();
    // Enrolment needs the current password: a borrowed session alone cannot change the factor.
    const proof = page.locator("form.proof");
    await proof.getByLabel("現在のパスワード").fill(DEMO_PASSWORD);
    await proof.getByRole("button", { name: "次へ" }).click();
    const secret = await page.locator("code.secret").innerText();
    await screenshot(page, "totp-setup");
    await page.getByLabel("確認コード（6桁）").fill(totpCode(secret, new Date()));
    await page.getByRole("button", { name: "確定" }).click();
    await page.getByText("二要素認証は有効です。").waitFor();
    await page.getByRole("button", { name: "サインアウト" }).click();

    await signInThroughUi(page, server.url, "deputy");
    await page.getByLabel("確認コード（6桁）").waitFor();
    await screenshot(page, "signin-totp");
    // The enrolment code's time step is spent; the next step's code is what the app shows next.
    await page
      .getByLabel("確認コード（6桁）")
      .fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.getByRole("button", { name: "次へ" }).click();
    await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
    // Moving to another app asks for the password and a current code first.
    await page.getByRole("link", { name: "アカウント設定" }).click();
    await page.getByRole("button", { name: "認証アプリを変更する" }).click();
    await page.getByText("現在のパスワードと認証アプリの確認コード").waitFor();
    await screenshot(page, "totp-reenrol-proof");
    await context.close();
  });

  it("lets the administrator remove a lost second factor, after a confirmation, and says so", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughUi(page, server.url, "admin");
    await page.getByRole("link", { name: "利用者管理" }).click();
    // The deputy enrolled a second factor in the test before.
    const row = page.getByRole("row").filter({ hasText: "deputy" });
    await row.getByRole("button", { name: "二要素認証を解除" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "二要素認証を解除" }).click();
    await page.getByRole("status").filter({ hasText: "保存しました。" }).waitFor();
    await row.getByRole("button", { name: "二要素認証を解除" }).waitFor({ state: "detached" });
    await context.close();
  });

  it("works on a phone-sized screen", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await screenshot(page, "signin-phone");
    await signInThroughUi(page, server.url, "admin");
    await page.getByRole("link", { name: "利用者管理" }).click();
    await page.getByRole("heading", { name: "利用者管理" }).waitFor();
    await page.getByRole("cell", { name: "窓口 花子" }).waitFor();
    await screenshot(page, "users-phone");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390 + 1);
    await context.close();
  });

  it("refuses a wrong password with a message", async () => {
    const page = await browser.newPage();
    await signInThroughUi(page, server.url, "staff", "wrong password");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("正しくありません");
    await page.close();
  });
});
