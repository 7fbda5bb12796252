import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../calendar/dates.ts";
import { type BusinessDay, businessDay, DEFAULT_SETTINGS } from "../calendar/rules.ts";
import { DEMO_ROSTER } from "../demo/roster.ts";
import { DEMO_TENANT } from "../platform/tenancy/tenant.ts";
import { referenceDemand, serviceTimes } from "./demand.ts";
import { type PlanPerson, slotNeeds } from "./model.ts";
import { planMonth, type StaffingPlan } from "./plan.ts";
import { COVERAGE } from "./planBook.ts";
import { requirementOf } from "./requirement.ts";
import { checkRoster, paidHoursOf, scheduledBy } from "./rosterRules.ts";
import { minutesOf } from "./shifts.ts";

const facts = {
  serviceStart: "2026-02-02",
  contractEnd: "2027-01-31",
  settings: DEFAULT_SETTINGS,
  weekendOpenings: new Set(["2026-08-22"]),
  exceptions: [],
};
const days: BusinessDay[] = [];
for (let d = "2026-08-01"; d <= "2026-08-31"; d = addDays(d, 1)) days.push(businessDay(d, facts));
const weekdays = Object.fromEntries(
  ["1", "2", "3", "4", "5"].map((d) => [d, { from: "08:15", to: "19:15" }]),
);
const weekend = { "0": { from: "08:45", to: "12:15" }, "6": { from: "08:45", to: "12:15" } };
const people: PlanPerson[] = DEMO_ROSTER.map((p, i) => ({
  id: `p${i}`,
  name: p.nameKanji,
  counter: p.roles.includes("counter"),
  phone: p.roles.includes("phone"),
  backOffice: p.roles.includes("back_office"),
  lead: Boolean(p.designation),
  weeklyHourLimit: p.hours,
  availability: p.weekends ? { ...weekdays, ...weekend } : weekdays,
  activeFrom: "2026-01-01",
  activeTo: null,
}));
const standardMinutes = {
  handover: 12,
  ecert: 10,
  pin_reset: 8,
  insurance_fund: 15,
  application: 15,
  express: 15,
  phone: 5,
  setup: 6,
};
const terminalProcedures = new Set(["handover", "ecert", "pin_reset", "setup"]);

let plan: StaffingPlan;
const august = {
  month: "2026-08",
  days,
  historyDays: [],
  history: [],
  monthlyVolumes: DEMO_TENANT.reference.monthlyVolumes,
  standardMinutes,
  terminalProcedures,
  people,
};
beforeAll(async () => {
  plan = await planMonth(
    august,
    // The quality is tested here with time to reach it on a loaded machine; the bench measures
    // what the default budget gives on an idle one.
    { timeLimitSeconds: 40, gap: 0.002, replications: 10, seed: 1 },
  );
}, 120_000);

describe("the month's plan from the demo roster", () => {
  it("breaks no rule of the roster; what it cannot cover it says in its unmet list", () => {
    const requirement = requirementOf(
      referenceDemand(days, DEMO_TENANT.reference.monthlyVolumes),
      serviceTimes([], standardMinutes),
      terminalProcedures,
    );
    const violations = checkRoster(plan.shifts, people, slotNeeds(requirement));
    const ruleBreaks = violations.filter((v) => !COVERAGE.has(v.code));
    expect(ruleBreaks).toEqual([]);
    // Every coverage shortfall the checker finds lies inside a range the plan reported.
    const reported = (date: string, time: string) =>
      plan.unmet.some((u) => u.date === date && u.from <= time && time < u.to);
    for (const v of violations)
      expect(reported(v.date, v.at!), `${v.date} ${v.at} ${v.code}`).toBe(true);
  });

  it("counts the same cover from its shifts as the page does after an edit, and less without one", () => {
    expect(scheduledBy(plan.intervals, plan.shifts, people)).toEqual(plan.intervals);
    expect(paidHoursOf(plan.shifts)).toBeCloseTo(plan.staffHours, 6);
    const gone = plan.shifts[0]!;
    const after = scheduledBy(
      plan.intervals,
      plan.shifts.filter((s) => s !== gone),
      people,
    );
    const lost = (list: typeof after) =>
      list
        .filter((i) => i.start.startsWith(gone.date))
        .reduce((n, i) => n + i.counterScheduled + i.phoneScheduled, 0);
    expect(lost(after)).toBeLessThan(lost(plan.intervals));
  });

  it("staffs the phone until it closes at 17:15, not only to the last whole half hour", () => {
    const lastQuarters = plan.intervals.filter(
      (i) => i.start.endsWith("T17:00:00+09:00") && !i.counterOpen,
    );
    expect(lastQuarters.length).toBeGreaterThan(15);
    let covered = 0;
    for (const i of lastQuarters) {
      expect(i.minutes).toBe(15);
      expect(i.phoneRequired).toBeGreaterThanOrEqual(1);
      const date = i.start.slice(0, 10);
      // Covered by a shift stretched (or moved) to 17:15, or said to be uncovered.
      if (i.phoneScheduled >= i.phoneRequired) covered++;
      else
        expect(
          plan.unmet.some((u) => u.date === date && u.rule === "phone" && u.from === "17:00"),
          date,
        ).toBe(true);
    }
    expect(covered / lastQuarters.length).toBeGreaterThan(0.75);
    // The shifts that reach it end at 17:15, within the break rule (checked with every rule above).
    expect(plan.shifts.some((s) => s.end === "17:15")).toBe(true);
  });

  it("gives every shift over six hours its statutory break", () => {
    const long = plan.shifts.filter((s) => s.paidHours > 6);
    expect(long.length).toBeGreaterThan(0);
    for (const s of long)
      expect(minutesOf(s.breakEnd!) - minutesOf(s.breakStart!)).toBeGreaterThanOrEqual(45);
    for (const s of plan.shifts.filter((x) => x.paidHours <= 6)) expect(s.breakStart).toBeNull();
  });

  it("costs fewer staff-hours than staffing every hour at the day's peak, near the proven bound, and meets the target in simulation", () => {
    expect(plan.staffHours).toBeLessThan(plan.baselineStaffHours);
    expect(plan.savingPercent).toBeGreaterThan(5);
    // Within the gap asked for when the solve ends on it; a loaded machine may stop it on the
    // clock instead, which the plan then says (the bench measures the idle machine's figures).
    if (plan.ended === "optimal") expect(plan.gapPercent).toBeLessThanOrEqual(2);
    else expect(plan.ended).toBe("time_limit");
    expect(plan.lowerBoundHours).toBeLessThanOrEqual(plan.staffHours + 1e-6);
    expect(plan.lowerBoundHours).toBeLessThanOrEqual(plan.staffHours + 1e-6);
    expect(plan.simulated.serviceLevel).toBeGreaterThanOrEqual(plan.targets.counterServiceLevel);
    expect(plan.simulated.ciLow).toBeLessThanOrEqual(plan.simulated.serviceLevel);
  });
});

describe("a month whose time runs out", () => {
  it("still rosters every week: a week left without any roster is solved again with the time it needs", async () => {
    const hurried = await planMonth(august, {
      timeLimitSeconds: 0.01,
      gap: 0.002,
      replications: 4,
      seed: 1,
    });
    const rostered = new Set(hurried.shifts.map((s) => s.date));
    const open = new Set(plan.shifts.map((s) => s.date));
    expect(rostered).toEqual(open);
    expect(Number.isFinite(hurried.gapPercent)).toBe(true);
    expect(Number.isFinite(hurried.lowerBoundHours)).toBe(true);
  }, 120_000);
});

describe("hand edits, checked at once", () => {
  it("finds a missing lead, a short break, too many weekly hours and a second shift", () => {
    const manager = people.find((p) => p.lead)!;
    const needs = slotNeeds(
      requirementOf(
        referenceDemand(days, DEMO_TENANT.reference.monthlyVolumes),
        serviceTimes([], standardMinutes),
        terminalProcedures,
      ),
    ).filter((n) => n.date === "2026-08-04");
    const codes = checkRoster(
      [
        {
          personId: manager.id,
          date: "2026-08-04",
          start: "08:30",
          end: "17:15",
          breakStart: "12:00",
          breakEnd: "12:30",
        },
        {
          personId: manager.id,
          date: "2026-08-04",
          start: "17:30",
          end: "18:30",
          breakStart: null,
          breakEnd: null,
        },
        ...["2026-08-03", "2026-08-05", "2026-08-06", "2026-08-07"].map((date) => ({
          personId: manager.id,
          date,
          start: "08:30",
          end: "17:15",
          breakStart: "12:00",
          breakEnd: "12:45",
        })),
      ],
      people,
      needs,
    ).map((v) => v.code);
    expect(codes).toContain("break_too_short");
    expect(codes).toContain("two_shifts_a_day");
    expect(codes).toContain("weekly_hours");
    expect(codes).toContain("no_lead"); // the manager's own break leaves the counter without a lead
    expect(codes).toContain("counter_short");
  });
});
