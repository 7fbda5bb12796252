import { z } from "zod";
import { addDays } from "../calendar/dates.ts";
import { localDate, localTime, now } from "../platform/clock.ts";
import { notFound } from "../platform/errors.ts";
import { isoDate } from "../platform/inputs.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { dutyView, hoursWorked } from "../roster/duty.ts";
import { removeShift, scheduleShift } from "../roster/shifts.ts";
import { coverDay } from "./dayCover.ts";
import type { StaffingPlan } from "./plan.ts";
import { rosterEntries } from "./planBook.ts";
import { plannablePeople } from "./plans.ts";
import { paidHoursOf, type RosterShift } from "./rosterRules.ts";
import { minutesOf } from "./shifts.ts";
import { newestPlan } from "./store.ts";
import { mondayOf } from "./weeks.ts";

export const replanInput = z.object({
  date: isoDate,
  absent: z.array(z.string().max(64)).max(50),
});
const shiftOut = z.object({
  personId: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  breakStart: z.string().nullable(),
  breakEnd: z.string().nullable(),
});
const shortfall = z.object({ counter: z.number(), phone: z.number(), lead: z.number() });
export const replanSchema = z.object({
  date: z.string(),
  absent: z.array(z.object({ personId: z.string(), name: z.string() })),
  kept: z.array(shiftOut),
  added: z.array(shiftOut),
  before: shortfall,
  after: shortfall,
  intervals: z.array(
    z.object({
      start: z.string(),
      counterRequired: z.number(),
      counterBefore: z.number(),
      counterAfter: z.number(),
      phoneRequired: z.number(),
      phoneBefore: z.number(),
      phoneAfter: z.number(),
    }),
  ),
});
export type ReplanOut = z.infer<typeof replanSchema>;
export const applyReplanInput = z.object({
  date: isoDate,
  absent: z.array(z.string().max(64)).max(50),
  added: z.array(shiftOut.omit({ name: true })).max(20),
});

/**
 * 同日再計画 (仕様 8(1)): people marked absent this morning; the month's plan proposes the day's
 * best cover from those not yet working (dayCover.ts), leaving those at work where they are.
 */
export async function replanDay(
  ctx: Ctx,
  props: { date: string; absent: string[] },
): Promise<ReplanOut> {
  requireAccess(ctx, "staffing.plan");
  const plan = await newestPlan(ctx.tx, ctx.tenantId, props.date.slice(0, 7));
  if (!plan) throw notFound("要員計画", "Staffing plan");
  // The roster as it stands today (someone added since the plan may be the one who can come).
  const people = await plannablePeople(ctx, { date: props.date });
  // The day as the roster has it (a plan published before this one, or edits by hand, may differ
  // from the newest plan): whoever is on it that day is working, not a candidate to add.
  const rostered = (await dutyView(ctx, { date: props.date })).shifts;
  const planned = plan.shifts as RosterShift[];
  const shifts =
    rostered.length === 0
      ? planned
      : [
          ...planned.filter((s) => s.date !== props.date),
          ...rostered.map((s) => ({
            personId: s.personId,
            date: props.date,
            start: s.startTime.slice(0, 5),
            end: s.endTime.slice(0, 5),
            breakStart: null,
            breakEnd: null,
          })),
        ];
  const monday = mondayOf(props.date);
  const sunday = addDays(monday, 6);
  const weekHours = new Map<string, number>();
  if (rostered.length === 0) {
    for (const s of shifts)
      if (s.date >= monday && s.date <= sunday && s.date !== props.date)
        weekHours.set(s.personId, (weekHours.get(s.personId) ?? 0) + paidHoursOf([s]));
  } else {
    // The week's other days as the roster has them too: its weekly limit is checked on those.
    for (const w of await hoursWorked(ctx, { from: monday, to: sunday }))
      weekHours.set(w.personId, w.hours);
    for (const d of await hoursWorked(ctx, { from: props.date, to: props.date }))
      weekHours.set(d.personId, (weekHours.get(d.personId) ?? 0) - d.hours);
  }
  const today = localDate(now()) === props.date;
  const cover = coverDay({
    date: props.date,
    intervals: (plan.plan as unknown as StaffingPlan).intervals.filter((i) =>
      i.start.startsWith(props.date),
    ),
    shifts,
    people,
    absent: new Set(props.absent),
    weekHours,
    // Today, nobody new starts before the next half hour.
    earliest: today ? Math.ceil(minutesOf(localTime(now())) / 30) * 30 : 0,
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  const named = (s: RosterShift) => ({
    personId: s.personId,
    name: names.get(s.personId) ?? "",
    start: s.start,
    end: s.end,
    breakStart: s.breakStart,
    breakEnd: s.breakEnd,
  });
  await audit(ctx, {
    action: "staffing.replan_day",
    entity: "staffing_plan",
    entityId: plan.planId,
    change: { date: props.date, absent: props.absent.length, added: cover.added.length },
  });
  return {
    date: props.date,
    absent: props.absent.map((id) => ({ personId: id, name: names.get(id) ?? "" })),
    kept: cover.kept.map(named),
    added: cover.added.map(named),
    before: cover.before,
    after: cover.after,
    intervals: cover.intervals,
  };
}

/**
 * The re-plan put on the roster (what staff see and the duty view checks): the absent people's
 * shifts of the day removed, the added ones scheduled (split around their breaks), each through
 * the roster's own checks.
 */
export async function applyDayReplan(
  ctx: Ctx,
  props: { date: string; absent: string[]; added: Omit<ReplanOut["added"][number], "name">[] },
) {
  requireAccess(ctx, "staffing.plan");
  const people = new Map((await plannablePeople(ctx, { date: props.date })).map((p) => [p.id, p]));
  const day = await dutyView(ctx, { date: props.date });
  const absent = new Set(props.absent);
  for (const s of day.shifts)
    if (absent.has(s.personId)) await removeShift(ctx, { shiftId: s.shiftId });
  for (const s of props.added)
    for (const entry of rosterEntries({ ...s, date: props.date }, people.get(s.personId)))
      await scheduleShift(ctx, entry);
  await audit(ctx, {
    action: "staffing.replan_apply",
    entity: "roster_shift",
    change: { date: props.date, absent: props.absent.length, added: props.added.length },
  });
  return {
    removed: day.shifts.filter((s) => absent.has(s.personId)).length,
    added: props.added.length,
  };
}
