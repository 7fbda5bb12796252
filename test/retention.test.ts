import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retentionCommand } from "../cli/retention.ts";
import { systemActor } from "../src/platform/actor.ts";
import { startClockAt } from "../src/platform/clock.ts";
import { queryRows, transaction } from "../src/platform/db/index.ts";
import { runOperation } from "../src/platform/operation.ts";
import { submitReport } from "../src/reports/reports.ts";
import { insertReport } from "../src/reports/store.ts";
import { buildTenant, buildTestApp, type TestApp } from "./factories.ts";

let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  startClockAt(new Date("2026-03-10T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

const message = (error: unknown) => {
  let e = error as { message?: string; cause?: unknown } | undefined;
  const parts: string[] = [];
  for (let i = 0; e && i < 4; i++, e = e.cause as typeof e) parts.push(String(e.message));
  return parts.join(" / ");
};

describe("kept records (仕様 14)", () => {
  it("carry their retention deadline, and the database refuses to delete them or shorten it before then", async () => {
    const system = systemActor(tenantId, "test");
    const version = await runOperation(t.database.db, system, (ctx) =>
      submitReport(ctx, "daily", { period: "2026-03-09", remarks: "" }),
    );
    const db = t.database.db;
    const [row] = await queryRows<{ d: string }>(
      db,
      sql`select retain_until::text as d from reports where report_id = ${version.reportId}`,
    );
    // The demo contract ends 2027-01-31 (fiscal 2026): kept to 31 March 2032.
    expect(row!.d).toBe("2032-03-31");
    const deleting = transaction(db, (tx) =>
      tx.execute(sql`delete from reports where report_id = ${version.reportId}`),
    );
    await expect(deleting).rejects.toSatisfy((e) =>
      message(e).includes("cannot be deleted before then"),
    );
    const shortening = transaction(db, (tx) =>
      tx.execute(
        sql`update reports set retain_until = '2026-01-01' where report_id = ${version.reportId}`,
      ),
    );
    await expect(shortening).rejects.toSatisfy((e) => message(e).includes("cannot be shortened"));
    // A record past its day may go.
    await transaction(db, (tx) =>
      insertReport(tx, {
        tenantId,
        reportId: "old-one",
        kind: "daily",
        period: "2019-05-07",
        version: 1,
        status: "accepted",
        figures: {},
        remarks: "",
        submittedAt: new Date("2019-05-08T00:00:00Z"),
        submittedBy: "x",
        submittedByName: "x",
        decidedAt: null,
        decidedBy: null,
        decidedByName: null,
        comment: null,
        retainUntil: "2025-03-31",
      }),
    );
    const lines: string[] = [];
    const io = { out: (s: string) => lines.push(s), err: () => {} };
    expect(await retentionCommand(t.database, ["report", "--tenant", tenantId, "--json"], io)).toBe(
      0,
    );
    const report = JSON.parse(lines.join("\n")) as {
      kept: { kind: string; retainUntil: string; count: number; deletable: boolean }[];
      due: unknown[];
    };
    expect(report.kept).toEqual([
      expect.objectContaining({
        kind: "reports",
        retainUntil: "2025-03-31",
        count: 1,
        deletable: true,
      }),
      expect.objectContaining({
        kind: "reports",
        retainUntil: "2032-03-31",
        count: 1,
        deletable: false,
      }),
    ]);
    expect(report.due).toHaveLength(1);
    await transaction(db, (tx) => tx.execute(sql`delete from reports where report_id = 'old-one'`));
  });
});
