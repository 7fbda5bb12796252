import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildTestApp, buildUser, type TestApp } from "../../test/factories.ts";
import { DEMO_TERMS } from "../payments/amounts.ts";
import { paymentOverview } from "../payments/payments.ts";
import { saveTerms } from "../payments/store.ts";
import { systemActor } from "../platform/actor.ts";
import { now } from "../platform/clock.ts";
import { transaction } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import { monthlyReport } from "../reports/reports.ts";
import { fileHistoryReports } from "./historyReports.ts";
import { historyStaff } from "./historyStaff.ts";
import { seedDemoRoster } from "./roster.ts";

let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  await transaction(t.database.db, async (tx) => {
    await seedDemoRoster(tx, tenantId, new Map());
    await saveTerms(tx, { tenantId, terms: DEMO_TERMS, updatedBy: "test", updatedAt: now() });
  });
  await buildUser(t.database, tenantId, "city");
});
afterAll(async () => {
  await t.close();
});

describe("the demo history's paperwork", () => {
  it("has each month's report accepted and paid for, the month before the last claimed, the last awaiting inspection", async () => {
    const { lead } = await historyStaff(t.database, tenantId);
    const months = ["2026-02", "2026-03", "2026-04"];
    const clock = { at: Date.now() };
    expect(await fileHistoryReports(t.database, tenantId, lead, months, clock)).toBe(3);
    const system = systemActor(tenantId, "test");
    const statuses = await Promise.all(
      months.map((month) =>
        runOperation(t.database.db, system, (ctx) => monthlyReport(ctx, { month })),
      ),
    );
    expect(statuses.map((r) => r.status)).toEqual(["accepted", "accepted", "submitted"]);
    // Submitted by the manager on the 5th of the next month, accepted by the city on the 8th.
    const february = statuses[0]!.versions[0]!;
    expect(february.submittedAt).toBe("2026-03-05T01:00:00.000Z");
    expect(february.decidedAt).toBe("2026-03-08T06:00:00.000Z");
    expect(february.submittedByName).toBe("管理 一郎");
    const payments = await runOperation(t.database.db, system, (ctx) => paymentOverview(ctx));
    expect(payments.months.slice(0, 4).map((m) => m.status)).toEqual([
      "paid",
      "claimed",
      "pending",
      "pending",
    ]);
    // Made again: nothing is filed twice.
    expect(await fileHistoryReports(t.database, tenantId, lead, months, clock)).toBe(0);
  });
});
