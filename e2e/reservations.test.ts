import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../test/server.ts";
import { startSmtpServer } from "../test/smtp.ts";
import {
  axeViolations,
  breaksInsidePhrases,
  type E2eServer,
  launchBrowser,
  renderedLines,
  screenshot,
  startDemoServer,
} from "./browser.ts";

let server: E2eServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  const port = await freePort();
  server = await startDemoServer({
    MADOGUCHI_CLOCK: "2026-08-03T10:00:00+09:00",
    MADOGUCHI_SMTP_URL: smtp.url,
    PORT: String(port),
    MADOGUCHI_PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

/** The plain text of a quoted-printable mail body. */
function mailText(raw: string): string {
  const flat = raw.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < flat.length; i++) {
    const hex = flat.slice(i + 1, i + 3);
    if (flat[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

async function waitForMail(count: number): Promise<string> {
  for (let i = 0; i < 100 && smtp.received.length < count; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(smtp.received.length).toBeGreaterThanOrEqual(count);
  return mailText(smtp.received[count - 1]!.raw);
}

describe("booking on a phone", () => {
  it("books, receives the confirmation by e-mail, opens the management link, changes the time and cancels", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/book/nagaoka`);
    await page.getByRole("heading", { name: "1. 手続を選んでください" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // On a phone the procedure names wrap between phrases, never inside a word.
    await page.locator(".choice .phrases").first().waitFor();
    expect(await page.locator(".choice .phrases").count()).toBeGreaterThan(4);
    for (const name of await page.locator(".choice .phrases").all())
      expect(breaksInsidePhrases(await renderedLines(name))).toEqual([]);
    await screenshot(page, "book-procedure");
    await page.getByRole("button", { name: "カード交付" }).click();
    await page.getByRole("heading", { name: "2. 日にちを選んでください" }).waitFor();
    await page.getByRole("button", { name: /8月4日/ }).click();
    await page.getByRole("heading", { name: "3. 時間を選んでください" }).waitFor();
    await screenshot(page, "book-time");
    await page.getByRole("button", { name: /^10:00/ }).click();
    // Hiragana is turned into katakana as the person leaves the field.
    const nameField = page.getByRole("textbox", { name: /お名前（カタカナ）/ });
    await nameField.fill("ながおか　たろう");
    await page.getByLabel("メールアドレス").focus();
    expect(await nameField.inputValue()).toBe("ナガオカ タロウ");
    expect(await page.locator(".steps [aria-current=step]").innerText()).toContain("連絡先");
    // Neither an address nor a phone: the form says so before anything is sent.
    await page.getByRole("button", { name: "予約する" }).click();
    await page.getByText("メールアドレスか電話番号を入力してください。").waitFor();
    await page.getByLabel("メールアドレス").fill("taro@example.jp");
    // What to bring and where to come, before the person commits.
    await page.getByText("お持ちいただくもの").waitFor();
    expect(await page.locator(".visit-facts").innerText()).toContain("交付通知書");
    await screenshot(page, "book-details");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "予約する" }).click();
    await page.getByRole("heading", { name: "予約が完了しました" }).waitFor();
    const code = await page.locator(".booking-code").innerText();
    await screenshot(page, "book-done");

    const mail = await waitForMail(1);
    expect(mail).toContain(code);
    const link = /https?:\/\/\S+\/reservations\/nagaoka\/[A-Za-z0-9_-]+/.exec(mail)![0];
    expect(smtp.received[0]!.to).toEqual(["taro@example.jp"]);

    await page.goto(link);
    await page.getByRole("heading", { name: "ご予約の確認" }).waitFor();
    expect(await page.locator(".booking-code").innerText()).toBe(code);
    await page.getByText("カード交付").first().waitFor();
    // The manage page: procedure, place with a map link, and what to bring.
    const facts = await page.locator(".visit-facts").innerText();
    expect(facts).toContain("市民課");
    expect(facts).toContain("本人確認書類");
    const map = page.getByRole("link", { name: /地図を開く/ });
    expect(await map.getAttribute("href")).toMatch(/^https:\/\/www\.openstreetmap\.org\//);
    expect(await map.getAttribute("rel")).toContain("noopener");
    await screenshot(page, "book-manage-visit");
    await page.getByRole("button", { name: "日時を変更する" }).click();
    await page.getByRole("button", { name: /8月4日/ }).click();
    await page.getByRole("button", { name: "11:00" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "変更する" }).click();
    await page.getByText("日時を変更しました。").waitFor();
    expect(await page.getByText(/11:00〜11:30/).count()).toBe(1);
    expect(await waitForMail(2)).toContain("ご予約の日時を変更しました");
    await screenshot(page, "book-manage");
    await page.getByRole("button", { name: "予約を取り消す" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "取り消す" }).click();
    await page.getByText("予約を取り消しました。").waitFor();
    expect(await page.getByText("取消済み").count()).toBe(1);
    expect(await waitForMail(3)).toContain("ご予約を取り消しました");
    await context.close();
  });
});
