import { afterEach, describe, expect, it } from "vitest";
import { isShifted, localDate, now, runOnClock, startClockAt } from "./clock.ts";
import { ConfigError, loadConfig } from "./config.ts";

afterEach(() => startClockAt(undefined));

describe("config", () => {
  it("has the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      production: false,
      demoSkipRequiredTotp: false,
      demoHistory: true,
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it("makes the demo history unless switched off, in production or under the test runner", () => {
    expect(loadConfig({ MADOGUCHI_DEMO_HISTORY: "0" }).demoHistory).toBe(false);
    expect(loadConfig({ NODE_ENV: "production" }).demoHistory).toBe(false);
    expect(loadConfig({ NODE_ENV: "test" }).demoHistory).toBe(false);
    expect(() => loadConfig({ MADOGUCHI_DEMO_HISTORY: "maybe" })).toThrow(ConfigError);
  });

  it("gives work its own stepped clock without moving the process's time", async () => {
    const clock = { at: Date.parse("2026-03-02T09:00:00+09:00") };
    const seen = await runOnClock(clock, async () => {
      const first = localDate(now());
      clock.at += 86_400_000;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [first, localDate(now())];
    });
    expect(seen).toEqual(["2026-03-02", "2026-03-03"]);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it("reads PORT, HOST, MADOGUCHI_DATA and DATABASE_URL", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      MADOGUCHI_DATA: "/srv/m",
      DATABASE_URL: "postgres://x@h/db",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      dataDir: "/srv/m",
      databaseUrl: "postgres://x@h/db",
    });
    expect(() => loadConfig({ PORT: "http" })).toThrow(ConfigError);
  });

  it("refuses the demo clock and the TOTP shortcut in production", () => {
    expect(() =>
      loadConfig({ NODE_ENV: "production", MADOGUCHI_CLOCK: "2026-08-04T09:00:00+09:00" }),
    ).toThrow(/refused/);
    expect(() =>
      loadConfig({ NODE_ENV: "production", MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1" }),
    ).toThrow(/refused/);
    expect(() => loadConfig({ MADOGUCHI_CLOCK: "next tuesday" })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: "production" }).secureCookies).toBe(true);
  });
});

describe("clock", () => {
  it("starts at MADOGUCHI_CLOCK's instant and runs on", async () => {
    const config = loadConfig({ MADOGUCHI_CLOCK: "2026-08-04T09:00:00+09:00" });
    startClockAt(config.clockStart);
    expect(isShifted()).toBe(true);
    const first = now();
    expect(Math.abs(first.getTime() - Date.parse("2026-08-04T00:00:00Z"))).toBeLessThan(1000);
    expect(localDate(first)).toBe("2026-08-04");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(now().getTime()).toBeGreaterThan(first.getTime());
  });

  it("gives the Tokyo date of an instant", () => {
    expect(localDate(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
    expect(localDate(new Date("2026-12-31T14:59:59Z"))).toBe("2026-12-31");
  });
});

describe("config validation", () => {
  it("stops with a message naming the variable instead of running on NaN (defect: every sign-in refused)", () => {
    expect(() => loadConfig({ MADOGUCHI_SIGN_IN_PER_MINUTE: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ MADOGUCHI_SIGN_IN_PER_MINUTE: "abc" })).toThrow(
      /MADOGUCHI_SIGN_IN_PER_MINUTE/,
    );
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ MADOGUCHI_SMTP_URL: "mail.example.jp" })).toThrow(
      /MADOGUCHI_SMTP_URL/,
    );
    expect(() => loadConfig({ MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "maybe" })).toThrow(
      /MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP/,
    );
    expect(loadConfig({ MADOGUCHI_SIGN_IN_PER_MINUTE: "12" }).signInAttemptsPerMinute).toBe(12);
    expect(loadConfig({ MADOGUCHI_SMTP_URL: "" }).smtpUrl).toBeUndefined();
  });

  it("runs several processes only on PostgreSQL, and believes only the proxies it is told of", () => {
    expect(() => loadConfig({ MADOGUCHI_WORKERS: "2" })).toThrow(/MADOGUCHI_WORKERS.*DATABASE_URL/);
    expect(() => loadConfig({ MADOGUCHI_WORKERS: "0" })).toThrow(/MADOGUCHI_WORKERS/);
    expect(
      loadConfig({ MADOGUCHI_WORKERS: "4", DATABASE_URL: "postgres://db/madoguchi" }).workers,
    ).toBe(4);
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ MADOGUCHI_TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
    ]);
  });
});
