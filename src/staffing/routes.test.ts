import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  type TestApp,
} from "../../test/factories.ts";
import { seedDemoRoster } from "../demo/roster.ts";
import { systemActor } from "../platform/actor.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { startClockAt } from "../platform/clock.ts";
import { transaction } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import type { StaffingPlanOut } from "./contract.ts";
import { staffingInputs } from "./plans.ts";

let t: TestApp;
let tenantId: string;
let manager: Client;
let staff: Client;
let plan: StaffingPlanOut;
beforeAll(async () => {
  startClockAt(new Date("2026-07-20T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  await transaction(t.database.db, (tx) => seedDemoRoster(tx, tenantId, new Map()));
  manager = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "manager")).username,
  );
  staff = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "staff")).username,
  );
  const made = await manager.request("POST", "/api/v1/staffing/plans", { month: "2026-08" });
  expect(made.statusCode, made.body).toBe(201);
  plan = made.json();
}, 120_000);
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("the staffing planner over the API", () => {
  it("makes the month's plan from the trained roster, with its bound, baseline and simulation, and audits it", async () => {
    expect(plan.month).toBe("2026-08");
    expect(plan.shifts.length).toBeGreaterThan(100);
    expect(plan.staffHours).toBeLessThan(plan.baselineStaffHours);
    // Within the gap asked for when the solve ends on it; a loaded machine may stop it on the
    // clock instead, which the plan then says (the bench measures the idle machine's figures).
    if (plan.ended === "optimal") expect(plan.gapPercent).toBeLessThanOrEqual(2);
    else expect(plan.ended).toBe("time_limit");
    expect(plan.lowerBoundHours).toBeLessThanOrEqual(plan.staffHours + 1e-6);
    if (plan.ended === "optimal") expect(plan.simulated.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(plan.intervals[0]).toMatchObject({
      start: expect.stringMatching(/^2026-08-0\dT\d\d:\d\d:00\+09:00$/),
    });
    expect(
      plan.violations.filter((v) => !v.code.endsWith("_short") && v.code !== "no_lead"),
    ).toEqual([]);
    const events = await listAuditEvents(t.database.db, tenantId, {
      limit: 50,
      action: "staffing.plan_create",
    });
    expect(events).toHaveLength(1);
    // Only the leads plan.
    expect(
      (await staff.request("POST", "/api/v1/staffing/plans", { month: "2026-08" })).statusCode,
    ).toBe(403);
  });

  it("exports the plan as a workbook: the roster, the half hours with formula totals, the figures", async () => {
    const response = await manager.request(
      "GET",
      `/api/v1/staffing/plans/${plan.planId}/roster.xlsx`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["勤務表", "必要人数", "概要"]);
    const roster = book.getWorksheet("勤務表")!;
    expect(String(roster.getCell("A2").value)).toBe("氏名");
    expect(roster.pageSetup.orientation).toBe("landscape");
    expect(roster.pageSetup.paperSize).toBe(9);
    const needs = book.getWorksheet("必要人数")!;
    const totals = needs.getRow(needs.rowCount);
    expect(totals.getCell(1).value).toBe("合計");
    expect((totals.getCell(4).value as { formula: string }).formula).toMatch(/^SUM\(D3:D\d+\)$/);
    expect(book.getWorksheet("概要")!.getCell("B3").value).toBe(plan.staffHours);
  });

  it("returns the newest plan of the month, re-checks hand edits, and refuses to publish a broken one", async () => {
    const shown = (await manager.request("GET", "/api/v1/staffing/plans?month=2026-08")).json();
    expect(shown.planId).toBe(plan.planId);
    const [first, ...rest] = plan.shifts.map(({ name: _n, paidHours: _h, ...s }) => s);
    // A nine-hour day without its break breaks the Labour Standards Act rule.
    const edited = await manager.request("PUT", `/api/v1/staffing/plans/${plan.planId}/shifts`, {
      shifts: [
        { ...first!, start: "08:30", end: "17:30", breakStart: null, breakEnd: null },
        ...rest,
      ],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().violations.map((v: { code: string }) => v.code)).toContain(
      "break_too_short",
    );
    const refused = await manager.request("POST", `/api/v1/staffing/plans/${plan.planId}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("plan_breaks_rules");
    // Back as planned, it publishes, and the shifts are on the roster for staff to see.
    await manager.request("PUT", `/api/v1/staffing/plans/${plan.planId}/shifts`, {
      shifts: [first!, ...rest],
    });
    const published = await manager.request(
      "POST",
      `/api/v1/staffing/plans/${plan.planId}/publish`,
    );
    expect(published.statusCode).toBe(200);
    expect(published.json().publishedAt).not.toBeNull();
    const day = first!.date;
    const duty = (await manager.request("GET", `/api/v1/roster/duty?date=${day}`)).json();
    expect(duty.shifts.length).toBeGreaterThan(0);
    // A published plan no longer changes.
    const late = await manager.request("PUT", `/api/v1/staffing/plans/${plan.planId}/shifts`, {
      shifts: [],
    });
    expect(late.statusCode).toBe(409);
  });

  it("keeps the tenant's own targets: set by the manager, audited, used by the next plan", async () => {
    const before = (await manager.request("GET", "/api/v1/staffing/targets")).json();
    expect(before).toMatchObject({ counterServiceLevel: 0.8, counterWaitMinutes: 15 });
    expect(before.updatedAt).toBeNull();
    const stricter = {
      counterServiceLevel: 0.9,
      counterWaitMinutes: 10,
      phoneServiceLevel: 0.85,
      phoneWaitSeconds: 30,
      shrinkage: 0.12,
    };
    const refused = await staff.request("PUT", "/api/v1/staffing/targets", stricter);
    expect(refused.statusCode).toBe(403);
    const invalid = await manager.request("PUT", "/api/v1/staffing/targets", {
      ...stricter,
      counterServiceLevel: 1.5,
    });
    expect(invalid.statusCode).toBe(400);
    const saved = await manager.request("PUT", "/api/v1/staffing/targets", stricter);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject(stricter);
    const events = await listAuditEvents(t.database.db, tenantId, {
      limit: 5,
      action: "staffing.targets_update",
    });
    expect(events).toHaveLength(1);
    const input = await runOperation(t.database.db, systemActor(tenantId, "test"), (ctx) =>
      staffingInputs(ctx, { month: "2026-09" }),
    );
    expect(input.targets).toMatchObject({ ...stricter, terminals: 5 });
    // A target given for one plan still wins over the tenant's.
    const asked = await runOperation(t.database.db, systemActor(tenantId, "test"), (ctx) =>
      staffingInputs(ctx, { month: "2026-09", targets: { counterWaitMinutes: 20 } }),
    );
    expect(asked.targets?.counterWaitMinutes).toBe(20);
  });

  it("plans the back office's waiting cards: every one counted, those with a deadline set up by it", async () => {
    const received = await staff.request("POST", "/api/v1/cards/batches", {
      deliveredOn: "2026-07-31",
      cards: [
        { noticeRef: "NGK-2607-0001", nameKana: "ヤマダ タロウ", birthDate: "1980-04-01" },
        {
          noticeRef: "NGK-2607-0002",
          nameKana: "ヤマダ ハナコ",
          birthDate: "1982-11-23",
          handoverOn: "2026-08-04",
        },
      ],
    });
    expect(received.statusCode, received.body).toBe(201);
    const input = await runOperation(t.database.db, systemActor(tenantId, "test"), (ctx) =>
      staffingInputs(ctx, { month: "2026-08" }),
    );
    // July is the first month of stock, partial: the month's flow still comes from the references.
    expect(input.cards).toEqual({
      asOf: "2026-07-20",
      backlog: 2,
      due: [{ by: "2026-08-03", count: 1 }],
      receivedPerMonth: null,
    });
    const made = await manager.request("POST", "/api/v1/staffing/plans", { month: "2026-08" });
    expect(made.statusCode, made.body).toBe(201);
    const next = made.json();
    expect(next.setupBacklog).toBe(2);
    expect(next.lateSetups).toBe(0);
  });

  it("re-plans a day with people marked absent and puts the cover on the roster", async () => {
    const date = "2026-08-05";
    // Who works that day is the roster's word (the plan published), not the newest plan's.
    const duty = (await manager.request("GET", `/api/v1/roster/duty?date=${date}`)).json();
    const working = [...new Set((duty.shifts as { personId: string }[]).map((s) => s.personId))];
    expect(working.length).toBeGreaterThan(3);
    // Someone joined after the plan was made, free on Wednesdays: the one who can come in.
    const joined = await manager.request("POST", "/api/v1/roster/people", {
      nameKanji: "応援 花子",
      nameKana: "おうえん はなこ",
      employment: "fixed_term",
      startDate: "2026-07-01",
      cardExperienceMonths: 12,
      workRoles: ["counter"],
      weeklyHourLimit: 30,
      availability: { "3": { from: "08:30", to: "17:30" } },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const newcomer = joined.json().id as string;
    for (const courseId of ["personal-data", "operation-manual"])
      expect(
        (
          await manager.request("POST", "/api/v1/training/sessions", {
            courseId,
            heldOn: "2026-07-10",
            instructor: "研修 担当",
            attendees: [newcomer],
          })
        ).statusCode,
      ).toBe(201);
    const absent = working.slice(0, 2);
    expect(
      (await staff.request("POST", "/api/v1/staffing/replan-day", { date, absent })).statusCode,
    ).toBe(403);
    const proposed = await manager.request("POST", "/api/v1/staffing/replan-day", { date, absent });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const replan = proposed.json();
    expect(replan.kept.some((s: { personId: string }) => absent.includes(s.personId))).toBe(false);
    const weight = (x: { counter: number; phone: number; lead: number }) =>
      x.counter + x.phone + x.lead;
    expect(weight(replan.before)).toBeGreaterThan(0);
    expect(weight(replan.after)).toBeLessThan(weight(replan.before));
    for (const added of replan.added) expect(working).not.toContain(added.personId);
    expect(replan.added.map((a: { personId: string }) => a.personId)).toContain(newcomer);
    const applied = await manager.request("POST", "/api/v1/staffing/replan-day/apply", {
      date,
      absent,
      added: replan.added.map(({ name: _, ...s }: { name: string }) => s),
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().added).toBe(replan.added.length);
  });
});
