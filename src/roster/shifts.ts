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
  return placeShift(ctx, input, new RosterReads());
}

/**
 * What placing several shifts reads once: each person (locked for the transaction) with their
 * training checked, and each person's week of shifts, kept up to date as shifts are placed.
 */
class RosterReads {
  private people = new Map<string, Promise<Awaited<ReturnType<typeof findRosterPerson>>>>();
  private trained = new Map<string, Promise<void>>();
  private weeks = new Map<string, Promise<Shift[]>>();

  person(ctx: Ctx, personId: string) {
    let found = this.people.get(personId);
    if (!found) {
      found = findRosterPerson(ctx.tx, ctx.tenantId, personId, true);
      this.people.set(personId, found);
    }
    return found;
  }

  training(ctx: Ctx, person: Awaited<ReturnType<typeof findRosterPerson>>) {
    let done = this.trained.get(person.personId);
    if (!done) {
      done = requireTrained(ctx.tx, person);
      this.trained.set(person.personId, done);
    }
    return done;
  }

  week(ctx: Ctx, personId: string, monday: string) {
    const key = `${personId}|${monday}`;
    let week = this.weeks.get(key);
    if (!week) {
      week = shiftsBetween(ctx.tx, ctx.tenantId, monday, addDays(monday, 6), personId);
      this.weeks.set(key, week);
    }
    return week;
  }
}

async function placeShift(ctx: Ctx, input: ShiftInput, reads: RosterReads): Promise<Shift> {
  if (input.endTime <= input.startTime)
    throw unprocessable(
      "shift_ends_before_start",
      "終了時刻は開始時刻より後にしてください。",
      "The end must be after the start.",
    );
  const person = await reads.person(ctx, input.personId);
  if (!activeOn(person, input.day))
    throw unprocessable(
      "person_not_active",
      `${input.day}は${person.nameKanji}さんの従事期間外です。`,
      `${input.day} is outside ${person.nameKanji}'s period on the roster.`,
    );
  await reads.training(ctx, person);
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
  const week = await reads.week(ctx, person.personId, weekStart(input.day));
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
  await insertShift(ctx.tx, shift);
  week.push(shift);
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
  // The people, their training and their weeks read once for the whole month, not per shift.
  const reads = new RosterReads();
  for (const shift of props.shifts) await placeShift(ctx, shift, reads);
  return props.shifts.length;
}
