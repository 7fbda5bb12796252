import { addDays } from "../calendar/dates.ts";
import { now } from "../platform/clock.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findRosterPerson } from "./entries.ts";
import { requireTrained } from "./readiness.ts";
import {
  activeOn,
  overlap,
  shiftMinutes,
  WORK_ROLE_LABELS,
  type WorkRole,
  weekStart,
  withinAvailability,
} from "./rules.ts";
import { deleteShift, insertShift, type Shift, shiftsBetween } from "./store.ts";

/** 勤務予定: who works which day, from when to when, at what. */
export interface ShiftInput {
  personId: string;
  day: string;
  startTime: string;
  endTime: string;
  work: WorkRole;
}

/**
 * 勤務予定: puts a person on a day's work. Refused for someone off the roster that day, without
 * the mandatory training, without that kind of work among their roles, outside the hours they
 * can work, already working then, or beyond their weekly hours.
 */
export async function scheduleShift(ctx: Ctx, input: ShiftInput): Promise<Shift> {
  requireAccess(ctx, "roster.write");
  if (input.endTime <= input.startTime)
    throw unprocessable(
      "shift_ends_before_start",
      "終了時刻は開始時刻より後にしてください。",
      "The end must be after the start.",
    );
  const tx = ctx.tx;
  const person = await findRosterPerson(tx, ctx.tenantId, input.personId, true);
  if (!activeOn(person, input.day))
    throw unprocessable(
      "person_not_active",
      `${input.day}は${person.nameKanji}さんの従事期間外です。`,
      `${input.day} is outside ${person.nameKanji}'s period on the roster.`,
    );
  await requireTrained(tx, person);
  if (!person.workRoles.includes(input.work)) {
    const label = WORK_ROLE_LABELS[input.work];
    throw unprocessable(
      "work_not_in_roles",
      `${person.nameKanji}さんは${label.ja}業務の担当に登録されていません。`,
      `${person.nameKanji} is not registered for ${label.en.toLowerCase()} work.`,
    );
  }
  if (!withinAvailability(person.availability, input.day, input)) {
    const window =
      person.availability[String(new Date(`${input.day}T00:00:00Z`).getUTCDay()) as "0"];
    throw unprocessable(
      "outside_availability",
      window
        ? `${person.nameKanji}さんのこの曜日の勤務可能時間は${window.from}〜${window.to}です。`
        : `${person.nameKanji}さんはこの曜日に勤務できません。`,
      window
        ? `${person.nameKanji} can work ${window.from}–${window.to} on that weekday.`
        : `${person.nameKanji} does not work on that weekday.`,
    );
  }
  const monday = weekStart(input.day);
  const week = await shiftsBetween(tx, ctx.tenantId, monday, addDays(monday, 6), person.personId);
  const candidate = { ...input };
  if (week.some((s) => s.day === input.day && overlap(s, candidate)))
    throw conflict(
      "shift_overlaps",
      `${person.nameKanji}さんはこの時間に別の勤務が入っています。`,
      `${person.nameKanji} already works at that time.`,
    );
  const minutes = week.reduce((sum, s) => sum + shiftMinutes(s), shiftMinutes(candidate));
  if (minutes > person.weeklyHourLimit * 60)
    throw unprocessable(
      "weekly_hours_exceeded",
      `${person.nameKanji}さんの週の勤務が${(minutes / 60).toFixed(1)}時間になり、上限${person.weeklyHourLimit}時間を超えます。`,
      `${person.nameKanji} would work ${(minutes / 60).toFixed(1)} h that week, over the limit of ${person.weeklyHourLimit} h.`,
    );
  const shift: Shift = {
    tenantId: ctx.tenantId,
    shiftId: newId(),
    ...input,
    createdAt: now(),
  };
  await insertShift(tx, shift);
  await audit(ctx, {
    action: "roster.shift.add",
    entity: "roster_shift",
    entityId: shift.shiftId,
    change: input,
  });
  return shift;
}

export async function removeShift(ctx: Ctx, { shiftId }: { shiftId: string }): Promise<void> {
  requireAccess(ctx, "roster.write");
  const removed = await deleteShift(ctx.tx, ctx.tenantId, shiftId);
  if (!removed) throw notFound("勤務予定", "Shift");
  await audit(ctx, {
    action: "roster.shift.remove",
    entity: "roster_shift",
    entityId: shiftId,
    change: { personId: removed.personId, day: removed.day },
  });
}

/**
 * Puts a published plan on the roster: the range's shifts are replaced by these, each checked as
 * a shift added by hand is (roster dates, training, kind of work, availability, overlaps, weekly
 * hours). One refusal and nothing changes.
 */
export async function replaceShifts(
  ctx: Ctx,
  props: { from: string; to: string; shifts: ShiftInput[] },
): Promise<number> {
  requireAccess(ctx, "roster.write");
  for (const old of await shiftsBetween(ctx.tx, ctx.tenantId, props.from, props.to))
    await removeShift(ctx, { shiftId: old.shiftId });
  for (const shift of props.shifts) await scheduleShift(ctx, shift);
  return props.shifts.length;
}
