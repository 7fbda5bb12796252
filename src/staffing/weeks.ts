import { addDays, weekday } from "../calendar/dates.ts";
import type { PlanPerson } from "./model.ts";
import type { DayRequirement } from "./requirement.ts";
import { atWork, type ShiftTemplate, SLOT_MINUTES } from "./shifts.ts";

/** The month solved a week at a time: the weeks, their people, and who is at work when. */
/** The Monday of a date's week. */
export const mondayOf = (date: string) => addDays(date, -((weekday(date) + 6) % 7));

/** Monday-to-Sunday weeks of the month's days that need anyone. */
export function weeksOf(days: readonly DayRequirement[]): DayRequirement[][] {
  const weeks = new Map<string, DayRequirement[]>();
  for (const day of days) {
    const monday = mondayOf(day.date);
    weeks.set(monday, [...(weeks.get(monday) ?? []), day]);
  }
  return [...weeks.values()];
}

/**
 * Runs `tasks` with at most `limit` at once, answering in their order. Given their sizes, the
 * largest start first, so a long one does not begin last and keep the others waiting for it.
 */
export async function pool<T>(
  tasks: (() => Promise<T>)[],
  limit: number,
  sizes?: readonly number[],
): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  const order = tasks.map((_, i) => i);
  if (sizes) order.sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < order.length) {
      const i = order[next++]!;
      out[i] = await tasks[i]!();
    }
  });
  await Promise.all(lanes);
  return out;
}

/** A week at the edge of the month counts the weekly limit for the days inside the month. */
export function partialWeekPeople(people: readonly PlanPerson[], week: readonly DayRequirement[]) {
  const days = week.length;
  return days >= 5 ? people : people.map((p) => ({ ...p, weeklyHourLimit: weeklyLimit(p, days) }));
}

/** A full working day: one day alone at a month's edge may still be worked whole. */
const FULL_DAY_HOURS = 8;

/**
 * A person's weekly hours in a week of so many days in the month: pro-rated under five, and
 * never under a full day (Monday the 31st pro-rated to 7 hours would leave its last ¾ hour
 * uncovered by everyone).
 */
export const weeklyLimit = (p: PlanPerson, days: number) =>
  days >= 5
    ? p.weeklyHourLimit
    : Math.min(
        p.weeklyHourLimit,
        Math.max(FULL_DAY_HOURS, Math.ceil((p.weeklyHourLimit * days) / 5)),
      );

/** At work during a slot, per person, from the chosen shifts. */
export function atWorkBySlot(
  shifts: readonly { person: PlanPerson; date: string; shift: ShiftTemplate }[],
) {
  const out = new Map<string, PlanPerson[]>();
  for (const s of shifts)
    for (let slot = s.shift.start; slot < s.shift.end; slot += SLOT_MINUTES)
      if (atWork(s.shift, slot)) {
        const key = `${s.date}|${slot}`;
        out.set(key, [...(out.get(key) ?? []), s.person]);
      }
  return out;
}

/** Counter, phone and setup staff a slot really has (the flow assignment of assign.ts). */
