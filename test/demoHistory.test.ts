import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { httpSignIn, spawnServer } from "./server.ts";

const PASSWORD = "demo-history-pass-1234";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-history-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const env = {
  MADOGUCHI_DATA: dataDir,
  MADOGUCHI_DEMO_PASSWORD: PASSWORD,
  MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1",
  MADOGUCHI_DEMO_HISTORY: "1",
  // The demo's "today" is early in the history's range: only 2026-02-02 to 02-04 lie before it.
  MADOGUCHI_CLOCK: "2026-02-05T08:30:00+09:00",
};

async function until(check: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the demo history at first start", () => {
  it("is made in the background with a progress line, the server answering meanwhile, and not made twice", async () => {
    const server = await spawnServer(env);
    await until(() => server.output().includes("making the demo's service history"), 30_000);
    // Served while the history is being made: the embedded database is never held for long.
    const started = performance.now();
    expect((await fetch(`${server.url}/readyz`)).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(3_000);
    await until(() => server.output().includes("demo history made"), 180_000);
    expect(server.output()).toMatch(/demo history made: 3 days, \d+ visits/);
    const api = await httpSignIn(server.url, "nagaoka", "manager", PASSWORD);
    const records = (await (
      await api("GET", "/api/v1/service-records?from=2026-02-02&to=2026-02-04")
    ).json()) as { serviceDay: string; channel: string }[];
    expect(new Set(records.map((r) => r.serviceDay))).toEqual(
      new Set(["2026-02-02", "2026-02-03", "2026-02-04"]),
    );
    // "Today" is untouched: the counter's real use starts empty.
    const today = (await (
      await api("GET", "/api/v1/service-records?from=2026-02-05&to=2026-02-05")
    ).json()) as unknown[];
    expect(today).toHaveLength(0);
    expect(await server.stop("SIGTERM")).toBe(0);

    const again = await spawnServer(env);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(again.output()).not.toContain("making the demo's service history");
    expect(await again.stop("SIGTERM")).toBe(0);
  }, 240_000);
});
