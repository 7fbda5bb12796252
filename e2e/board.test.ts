import { describe, expect, it } from "vitest";
import { httpSignIn } from "../test/server.ts";
import {
  breaksInsidePhrases,
  DEMO_PASSWORD,
  demoFixture,
  renderedLines,
  screenshot,
  signInThroughUi,
} from "./browser.ts";

/**
 * The display board as the board device runs it: Chromium with autoplay allowed (the flag the
 * README gives for the board PC), 1920×1080, read from across the room.
 */
const demo = demoFixture({ MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00" }, [
  "--autoplay-policy=no-user-gesture-required",
]);

describe("the display board", () => {
  it("shows the newest call large and highlighted, the others, waits and history, within one screen", async () => {
    const kiosk = await httpSignIn(demo.server.url, "nagaoka", "kiosk", DEMO_PASSWORD);
    for (const procedures of [
      ["handover"],
      ["handover"],
      ["pin_reset"],
      ["handover"],
      ["pin_reset"],
    ]) {
      expect(
        (await kiosk("POST", "/api/v1/queue/tickets", { procedures, priority: false })).status,
      ).toBe(201);
    }
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await signInThroughUi(page, demo.server.url, "board");
    await page.getByRole("heading", { name: /呼出番号/ }).waitFor();

    // Three clerks open counters 1–3 and call in turn; the last call is the newest.
    let last = "";
    for (const [i, user] of ["staff", "deputy", "manager"].entries()) {
      const clerk = await httpSignIn(demo.server.url, "nagaoka", user, DEMO_PASSWORD);
      await clerk("POST", `/api/v1/queue/counters/${i + 1}/open`, {});
      const called = (await (
        await clerk("POST", `/api/v1/queue/counters/${i + 1}/call-next`)
      ).json()) as {
        number: string;
      };
      last = called.number;
    }
    const newest = page.locator(".call-newest");
    await newest.and(page.locator(`[data-number="${last}"]`)).waitFor({ timeout: 2000 });
    expect(await newest.getAttribute("class")).toContain("fresh");
    await page.locator(".call-others .call-row").nth(1).waitFor();

    // Sized for 5–8 m: the newest number at least 200 px, the others and group names large.
    const sizes = await page.evaluate(() => {
      const px = (selector: string) =>
        Number.parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
      return {
        newest: px(".call-newest .call-number"),
        other: px(".call-others .call-number"),
        group: px(".board-group .group-name"),
        overflow: Math.max(
          document.documentElement.scrollHeight - window.innerHeight,
          ...[".board-side", ".board-calling"].map((selector) => {
            const el = document.querySelector(selector)!;
            return el.scrollHeight - el.clientHeight;
          }),
        ),
      };
    });
    expect(sizes.newest).toBeGreaterThanOrEqual(200);
    expect(sizes.other).toBeGreaterThanOrEqual(120);
    expect(sizes.group).toBeGreaterThanOrEqual(40);
    expect(sizes.overflow).toBeLessThanOrEqual(0);
    // Autoplay allowed on the board device: no note asking for a touch, no control on the face.
    expect(await page.locator(".board-sound-note").count()).toBe(0);
    expect(await page.locator("main.board button, main.board input").count()).toBe(0);
    // Every call on one line: 「A002 2番窓口」, the counter's name never split, nothing cut off.
    for (const row of await page.locator(".call-row").all()) {
      const box = (await row.boundingBox())!;
      for (const part of [".call-number", ".call-counter"]) {
        const cell = row.locator(part);
        expect(await renderedLines(cell)).toHaveLength(1);
        const inner = (await cell.boundingBox())!;
        expect(inner.x + inner.width).toBeLessThanOrEqual(box.x + box.width + 1);
      }
    }
    expect(await page.locator(".phrases").count()).toBeGreaterThan(2);
    for (const name of await page.locator(".phrases").all())
      expect(breaksInsidePhrases(await renderedLines(name))).toEqual([]);
    await screenshot(page, "board-1080p");
    await context.close();
  });

  it("labels every group's wait as a new ticket's and shows how crowded it is, the same on the congestion page", async () => {
    // Counters 1–3 are open from the test above.
    const context = await demo.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/congestion/nagaoka`);
    await page.getByText("今から発券した場合の待ち時間").first().waitFor();
    const badges = await page.locator(".congestion-card .crowding").allInnerTexts();
    expect(badges.length).toBe(3);
    for (const badge of badges) expect(["空いています", "やや混雑", "混雑"]).toContain(badge);
    await screenshot(page, "congestion-crowding");
    await context.close();
  });
});
