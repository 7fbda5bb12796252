/**
 * Screens for a closing note or a review: the kiosk (1366×768), the display board (1920×1080)
 * and the status page (390×844) of a running demo server, in one reproducible state.
 *
 *   npx tsx scripts/screens.ts http://127.0.0.1:3000 <demo password> <out dir> [label]
 *
 * With two runs (before and after a change) it also composes them side by side:
 *
 *   npx tsx scripts/screens.ts --compare <before dir> <after dir> <out dir>
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

const SHOTS = [
  { name: "kiosk", width: 1366, height: 768 },
  { name: "kiosk-slip", width: 1366, height: 768 },
  { name: "board", width: 1920, height: 1080 },
  { name: "status", width: 390, height: 844 },
] as const;

async function signIn(
  browser: Browser,
  url: string,
  user: string,
  password: string,
  size: { width: number; height: number },
) {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel(/^(利用者名|Username)$/).fill(user);
  await page.getByLabel(/^(パスワード|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(サインイン|Sign in)$/ }).click();
  await page.waitForLoadState("networkidle");
  return page;
}

/** A write through the page's own session (cookie and CSRF token from /auth/me). */
async function call(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch("/api/v1/auth/me")).json();
      const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json();
    },
    { method, url, body },
  );
}

async function capture(base: string, password: string, out: string) {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--autoplay-policy=no-user-gesture-required"],
  });
  try {
    // A morning in progress: four people waiting, one called to counter 1.
    const staff = await signIn(browser, base, "staff", password, { width: 1366, height: 768 });
    console.info(
      "open",
      JSON.stringify(await call(staff, "POST", "/api/v1/queue/counters/1/open", {})),
    );
    const tickets = [];
    for (const procedures of [
      ["handover"],
      ["handover"],
      ["ecert"],
      ["insurance_fund"],
      ["handover"],
    ])
      tickets.push(
        await call(staff, "POST", "/api/v1/queue/tickets", { procedures, priority: false }),
      );
    console.info(
      "call",
      JSON.stringify(await call(staff, "POST", "/api/v1/queue/counters/1/call-next", {})),
    );

    const kiosk = await signIn(browser, `${base}/kiosk`, "kiosk", password, SHOTS[0]);
    await kiosk.goto(`${base}/kiosk`);
    await kiosk
      .getByRole("button", { name: /カード交付/ })
      .first()
      .click();
    await kiosk.screenshot({ path: path.join(out, "kiosk.png") });
    await kiosk.getByRole("button", { name: /発券/ }).first().click();
    await kiosk.locator(".slip-number, .ticket-number").first().waitFor();
    await kiosk.screenshot({ path: path.join(out, "kiosk-slip.png") });

    const board = await signIn(browser, `${base}/board`, "board", password, SHOTS[2]);
    await board.goto(`${base}/board`);
    await board.waitForTimeout(1500);
    await board.screenshot({ path: path.join(out, "board.png") });

    const phone = await (
      await browser.newContext({ viewport: SHOTS[3], isMobile: true })
    ).newPage();
    await phone.goto(tickets[3].statusUrl);
    await phone.waitForTimeout(1500);
    await phone.screenshot({ path: path.join(out, "status.png"), fullPage: true });
  } finally {
    await browser.close();
  }
}

async function compare(before: string, after: string, out: string) {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    for (const shot of SHOTS) {
      const img = (dir: string) =>
        `data:image/png;base64,${readFileSync(path.join(dir, `${shot.name}.png`)).toString("base64")}`;
      const page = await browser.newPage({ viewport: { width: shot.width * 2 + 60, height: 200 } });
      await page.setContent(
        `<body style="margin:0;font:24px sans-serif;background:#ddd;display:flex;gap:20px;padding:20px;align-items:flex-start">
          <figure style="margin:0"><figcaption>Before</figcaption><img src="${img(before)}" style="display:block;border:1px solid #888"></figure>
          <figure style="margin:0"><figcaption>After</figcaption><img src="${img(after)}" style="display:block;border:1px solid #888"></figure>
        </body>`,
      );
      await page.screenshot({
        path: path.join(out, `${shot.name}-before-after.png`),
        fullPage: true,
      });
    }
  } finally {
    await browser.close();
  }
}

const [first, ...rest] = process.argv.slice(2);
if (first === "--compare") await compare(rest[0]!, rest[1]!, rest[2]!);
else await capture(first!, rest[0]!, rest[1]!);
