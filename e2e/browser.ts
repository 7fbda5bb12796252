import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { jaModel, Parser } from "budoux";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { ROOT } from "../src/server.ts";
import { type SpawnedServer, spawnServer } from "../test/server.ts";

export const DEMO_PASSWORD = "e2e demo password";
export const SCREENSHOTS = path.join(ROOT, "e2e", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...extraArgs,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface E2eServer extends SpawnedServer {
  dataDir: string;
  close(): Promise<void>;
}

/** The real server on a fresh PGlite folder with the demo tenant and a known demo password. */
export async function startDemoServer(extraEnv: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-e2e-"));
  const server = await spawnServer({
    MADOGUCHI_DATA: dataDir,
    MADOGUCHI_DEMO_PASSWORD: DEMO_PASSWORD,
    MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1",
    ...extraEnv,
  });
  return {
    ...server,
    dataDir,
    close: async () => {
      await server.stop("SIGTERM");
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (WCAG 2.1 A/AA rules) and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol: the app's CSP rightly refuses an inline <script>.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

export async function signInThroughUi(
  page: Page,
  url: string,
  username: string,
  password = DEMO_PASSWORD,
  tenant = "nagaoka",
) {
  await page.goto(`${url}/`);
  await page.getByLabel(/自治体コード|Tenant/).fill(tenant);
  await page.getByLabel(/利用者名|Username/).fill(username);
  await page.getByLabel(/^(パスワード|Password)$/).fill(password);
  await page.getByRole("button", { name: /サインイン|Sign in/ }).click();
}

/** Signs in and waits until the signed-in shell is there. */
export async function signedIn(page: Page, url: string, username: string) {
  await signInThroughUi(page, url, username);
  await page.getByRole("navigation").waitFor();
}

/**
 * The demo server and a browser for one test file: started before its tests, stopped after.
 * `const demo = demoFixture({ MADOGUCHI_CLOCK: … })`, then `demo.server.url`, `demo.browser`.
 */
export function demoFixture(env: Record<string, string> = {}, browserArgs: string[] = []) {
  const fixture = {} as { server: E2eServer; browser: Browser };
  beforeAll(async () => {
    fixture.server = await startDemoServer(env);
    fixture.browser = await launchBrowser(browserArgs);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}

/** The lines a text is laid out in, as the browser broke it (by the glyphs' vertical positions). */
export async function renderedLines(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const lines: string[] = [];
    let top = Number.NaN;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const y = range.getBoundingClientRect().top;
        if (lines.length === 0 || y > top + 4) lines.push("");
        if (lines.length === 1 || y > top + 4) top = y;
        lines[lines.length - 1] = `${lines[lines.length - 1] ?? ""}${text[i] ?? ""}`;
      }
    }
    return lines;
  });
}

/** Lines that end inside a Japanese word: not at a BudouX phrase end nor at punctuation (「カード申請サポー／ト」). */
export function breaksInsidePhrases(lines: string[]): string[] {
  const text = lines.join("");
  const ends = new Set<number>();
  let at = 0;
  for (const phrase of new Parser(jaModel).parse(text)) {
    at += phrase.length;
    ends.add(at);
  }
  const bad: string[] = [];
  let offset = 0;
  for (const line of lines.slice(0, -1)) {
    offset += line.length;
    // After punctuation (・、。）) or before an opening bracket is a break between words too.
    const atPunctuation = /[・、。）」]$/.test(line) || /^[（「]/.test(text.slice(offset));
    if (!ends.has(offset) && !atPunctuation) bad.push(`${line}／${text.slice(offset, offset + 3)}`);
  }
  return bad;
}

/** Fetches a PDF with the page's session, renders its first page to PNG for looking at, returns its text. */
export async function pdfToPng(page: Page, url: string, name: string): Promise<Buffer> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const bytes = await response.body();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const pdf = path.join(SCREENSHOTS, `${name}.pdf`);
  fs.writeFileSync(pdf, bytes);
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    pdf,
    path.join(SCREENSHOTS, name),
  ]);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  fs.rmSync(pdf);
  return Buffer.from(text);
}
