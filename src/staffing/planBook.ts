import { monthEnd } from "../calendar/dates.ts";
import { now } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { replaceShifts } from "../roster/shifts.ts";
import type { StaffingPlanOut } from "./contract.ts";
import type { PlanPerson } from "./model.ts";
import type { PlannedShift, StaffingPlan } from "./plan.ts";
import { COVERAGE, checkRoster, needsOf, type RosterShift, scheduledBy } from "./rosterRules.ts";

export { COVERAGE } from "./rosterRules.ts";

import { minutesOf } from "./shifts.ts";
import { findPlan, insertPlan, newestPlan, type StaffingPlanRow, updatePlan } from "./store.ts";

const paidHours = (s: RosterShift) =>
  (minutesOf(s.end) -
    minutesOf(s.start) -
    (s.breakStart && s.breakEnd ? minutesOf(s.breakEnd) - minutesOf(s.breakStart) : 0)) /
  60;

function viewOf(row: StaffingPlanRow): StaffingPlanOut {
  const plan = row.plan as unknown as StaffingPlan;
  const people = row.people as PlanPerson[];
  const shifts = row.shifts as RosterShift[];
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    ...plan,
    // What the shifts as they stand cover: the chart follows hand edits.
    intervals: scheduledBy(plan.intervals, shifts, people),
    planId: row.planId,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    people: people.map((p) => ({
      ...p,
      availability: p.availability as Record<string, { from: string; to: string }>,
    })),
    shifts: shifts.map((s) => ({
      ...s,
      name: names.get(s.personId) ?? s.personId,
      paidHours: paidHours(s),
    })),
    violations: checkRoster(shifts, people, needsOf(plan)),
  };
}

/** Keeps a new plan (every plan is kept; the newest of a month is the one shown). */
export async function savePlan(
  ctx: Ctx,
  props: { plan: StaffingPlan; people: PlanPerson[] },
): Promise<StaffingPlanOut> {
  requireAccess(ctx, "staffing.plan");
  const { shifts, ...plan } = props.plan;
  const row: StaffingPlanRow = {
    tenantId: ctx.tenantId,
    planId: newId(),
    month: plan.month,
    plan: { ...plan, shifts: [] } as unknown as Record<string, unknown>,
    people: props.people,
    shifts: shifts.map(({ name: _name, paidHours: _hours, ...s }: PlannedShift) => s),
    createdAt: now(),
    createdBy: ctx.actor.userId,
    editedAt: null,
    publishedAt: null,
    publishedBy: null,
  };
  await insertPlan(ctx.tx, row);
  await audit(ctx, {
    action: "staffing.plan_create",
    entity: "staffing_plan",
    entityId: row.planId,
    change: {
      month: plan.month,
      staffHours: plan.staffHours,
      gapPercent: plan.gapPercent,
      serviceLevel: plan.simulated.serviceLevel,
    },
  });
  return viewOf(row);
}

/** The newest plan of a month, with the rules its shifts break as they stand. */
export async function planOfMonth(
  ctx: Ctx,
  { month }: { month: string },
): Promise<StaffingPlanOut> {
  requireAccess(ctx, "staffing.plan");
  const row = await newestPlan(ctx.tx, ctx.tenantId, month);
  if (!row) throw notFound("要員計画", "Staffing plan");
  return viewOf(row);
}

/** Hand edits: the shifts replaced, every rule checked again and returned with the plan. */
export async function editShifts(
  ctx: Ctx,
  props: { planId: string; shifts: RosterShift[] },
): Promise<StaffingPlanOut> {
  requireAccess(ctx, "staffing.plan");
  const row = await findPlan(ctx.tx, ctx.tenantId, props.planId, true);
  if (!row) throw notFound("要員計画", "Staffing plan");
  if (row.publishedAt)
    throw conflict(
      "plan_published",
      "公開済みの計画は変更できません。新しい計画を作成してください。",
      "A published plan cannot change; make a new one.",
    );
  const editedAt = now();
  await updatePlan(ctx.tx, ctx.tenantId, row.planId, { shifts: props.shifts, editedAt });
  await audit(ctx, {
    action: "staffing.plan_edit",
    entity: "staffing_plan",
    entityId: row.planId,
    change: { shifts: props.shifts.length },
  });
  return viewOf({ ...row, shifts: props.shifts, editedAt });
}

/**
 * 公開: the plan's shifts go on the roster (split around each break), replacing the month's,
 * where staff see them. Refused while any rule of the roster is broken.
 */
export async function publishPlan(
  ctx: Ctx,
  { planId }: { planId: string },
): Promise<StaffingPlanOut> {
  requireAccess(ctx, "staffing.plan");
  const row = await findPlan(ctx.tx, ctx.tenantId, planId, true);
  if (!row) throw notFound("要員計画", "Staffing plan");
  const view = viewOf(row);
  // Shortfalls in cover are the plan's known unmet needs; a broken rule (law, hours, dates) is not.
  const broken = view.violations.filter((v) => !COVERAGE.has(v.code));
  if (broken.length > 0)
    throw conflict(
      "plan_breaks_rules",
      `計画が勤務のルールに反しています（${broken.length}件）。修正してから公開してください。`,
      `The plan breaks ${broken.length} roster rule(s); fix them before publishing.`,
    );
  const people = new Map((row.people as PlanPerson[]).map((p) => [p.id, p]));
  const rosterShifts = (row.shifts as RosterShift[]).flatMap((s) =>
    rosterEntries(s, people.get(s.personId)),
  );
  await replaceShifts(ctx, {
    from: `${row.month}-01`,
    to: monthEnd(row.month),
    shifts: rosterShifts,
  });
  const publishedAt = now();
  await updatePlan(ctx.tx, ctx.tenantId, planId, { publishedAt, publishedBy: ctx.actor.userId });
  await audit(ctx, {
    action: "staffing.plan_publish",
    entity: "staffing_plan",
    entityId: planId,
    change: { shifts: rosterShifts.length },
  });
  return { ...view, publishedAt: publishedAt.toISOString() };
}

/**
 * A planned shift as the roster keeps it: split around its break, at the person's main work
 * (the counter, else the phone, else the back office).
 */
export function rosterEntries(
  s: Omit<RosterShift, "date"> & { date: string },
  person: PlanPerson | undefined,
) {
  const work = person?.counter ? "counter" : person?.phone ? "phone" : "back_office";
  const parts =
    s.breakStart && s.breakEnd
      ? [
          [s.start, s.breakStart],
          [s.breakEnd, s.end],
        ]
      : [[s.start, s.end]];
  return parts.map(([startTime, endTime]) => ({
    personId: s.personId,
    day: s.date,
    startTime: startTime!,
    endTime: endTime!,
    work: work as "counter" | "phone" | "back_office",
  }));
}

/** The plan as it stands, for the workbook (the read of names is the planner's own). */
export async function planById(ctx: Ctx, { planId }: { planId: string }) {
  requireAccess(ctx, "staffing.plan");
  const row = await findPlan(ctx.tx, ctx.tenantId, planId);
  if (!row) throw notFound("要員計画", "Staffing plan");
  const tenant = await findTenant(ctx.tx, ctx.tenantId);
  return { plan: viewOf(row), office: tenant?.nameJa ?? "" };
}
