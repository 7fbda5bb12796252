import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, screenLogLine } from "../../src/platform/logger.ts";
import { buildTenant, buildTestApp, logSink, type TestApp } from "../factories.ts";

/** Issue 11, findings 1, 2 and 8: what a hostile request leaves in the log and in the answer. */
const { lines: logs, sink } = logSink();

let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  t = await buildTestApp({}, sink);
  tenantId = (await buildTenant(t.database)).tenantId;
});
afterAll(() => t.close());

// 5260 1815 9084 is a valid My Number (check digit 4); so are the others below.
const PLANTED = [
  "5260%201815%209084",
  "5260+1815+9084",
  "%35%32%36%30%31%38%31%35%39%30%38%34",
  "%EF%BC%95%EF%BC%92%EF%BC%96%EF%BC%90%EF%BC%91%EF%BC%98%EF%BC%91%EF%BC%95%EF%BC%99%EF%BC%90%EF%BC%98%EF%BC%94",
  "5260.1815.9084",
  "%D9%A5%D9%A2%D9%A6%D9%A0%D9%A1%D9%A8%D9%A1%D9%A5%D9%A9%D9%A0%D9%A8%D9%A4",
];
const LEAKS = /5260\D{0,9}1815|１８１５|1815\D{0,9}9084|%35%32|%EF%BC%95|%D9%A5|٥٢٦/;

describe("the log after hostile URLs", () => {
  it("keeps a route pattern and a screened query, never the raw URL", async () => {
    logs.length = 0;
    for (const planted of PLANTED) {
      const inQuery = await t.app.inject(`/api/v1/public/${tenantId}/slots?procedure=${planted}`);
      expect(inQuery.statusCode).toBe(422);
      const inPath = await t.app.inject(`/api/v1/public/${tenantId}/reservations/${planted}`);
      expect(inPath.statusCode).toBe(422);
      const unknownRoute = await t.app.inject(`/api/v1/nothing/${planted}?q=${planted}`);
      expect(unknownRoute.statusCode).toBeLessThan(500);
      const overlong = await t.app.inject(
        `/api/v1/public/${tenantId}/reservations/${"x".repeat(120)}${planted}`,
      );
      expect(overlong.statusCode).toBeLessThan(500);
      expect(overlong.body).not.toMatch(LEAKS);
    }
    const all = logs.join("");
    expect(all).toContain("/api/v1/public/:tenant/slots");
    expect(all).not.toMatch(LEAKS);
    for (const line of logs) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("keeps every line valid JSON, even when a number sits next to a field's value", () => {
    const line = `{"level":30,"responseTime":32.5260181590,"msg":"x 526018159084"}\n`;
    const screened = screenLogLine(line);
    expect(() => JSON.parse(screened)).not.toThrow();
    expect(screened).not.toContain("526018159084");
  });
});

describe("the log after a failed database write", () => {
  it("names the SQLSTATE and the constraint, never the row's values", async () => {
    const { lines, sink: out } = logSink();
    const logger = createLogger("info", out);
    await t.database.db.execute(
      sql`create temporary table if not exists leak_probe (name text primary key, email text not null)`,
    );
    await t.database.db.execute(
      sql`insert into leak_probe values (${"長岡 花子"}, ${"hanako@example.jp"}) on conflict do nothing`,
    );
    const failure = await t.database.db
      .execute(sql`insert into leak_probe values (${"長岡 花子"}, ${"hanako@example.jp"})`)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    logger.error({ err: failure }, "unhandled error");
    const all = lines.join("");
    expect(all).toContain("23505");
    expect(all).toContain("leak_probe_pkey");
    expect(all).not.toContain("hanako");
    expect(all).not.toContain("花子");
  });
});
