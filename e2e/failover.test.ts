import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerDatabase } from "../test/db.ts";
import { failoverProxy } from "../test/failoverProxy.ts";
import { httpSignIn, type SpawnedServer, spawnServer } from "../test/server.ts";
import { DEMO_PASSWORD, launchBrowser, screenshot, signInThroughUi } from "./browser.ts";

/**
 * Two server processes on one PostgreSQL behind one address: the board is open on one, that one
 * is killed, and the board shows the next call, made through the other, without a reload.
 * CI passes its PostgreSQL as E2E_DATABASE_URL.
 */
const PG = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

describe.skipIf(!PG)("losing a server process", () => {
  let a: SpawnedServer;
  let b: SpawnedServer;
  let proxy: Awaited<ReturnType<typeof failoverProxy>>;
  let browser: Browser;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createServerDatabase(PG!);
    drop = database.drop;
    const env = {
      DATABASE_URL: database.url,
      MADOGUCHI_DEMO_PASSWORD: DEMO_PASSWORD,
      MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1",
      MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00",
    };
    a = await spawnServer(env);
    b = await spawnServer(env);
    // A first while it answers, then B: the board's stream starts on A.
    proxy = await failoverProxy([a.url, b.url]);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await a?.stop("SIGKILL");
    await b?.stop("SIGTERM");
    await drop?.();
  });

  it("keeps the board going on the other process, without a reload", async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await signInThroughUi(page, proxy.url, "board");
    await page.getByRole("heading", { name: /呼出番号/ }).waitFor();
    const loads: string[] = [];
    page.on("load", () => loads.push(page.url()));

    // Process A dies (as a machine would); the next call is made through B.
    expect(await a.stop("SIGKILL")).toBeNull();
    const kiosk = await httpSignIn(b.url, "nagaoka", "kiosk", DEMO_PASSWORD);
    const clerk = await httpSignIn(b.url, "nagaoka", "staff", DEMO_PASSWORD);
    expect(
      (await kiosk("POST", "/api/v1/queue/tickets", { procedures: ["handover"] })).status,
    ).toBe(201);
    expect((await clerk("POST", "/api/v1/queue/counters/1/open", {})).status).toBe(200);
    const called = (await (await clerk("POST", "/api/v1/queue/counters/1/call-next")).json()) as {
      number: string;
    };
    const started = performance.now();
    await page.locator(`.call-newest[data-number="${called.number}"]`).waitFor({ timeout: 10_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
    process.stdout.write(
      `board showed the call through B ${seconds.toFixed(2)} s after it was made\n`,
    );
    expect(loads).toEqual([]);
    await screenshot(page, "board-after-failover");
    await context.close();
  }, 90_000);
});
