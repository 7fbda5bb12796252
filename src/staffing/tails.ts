import { weekday } from "../calendar/dates.ts";
import { assignWork } from "./assign.ts";
import { INTERVAL_MINUTES } from "./demand.ts";
import type { PlanPerson } from "./model.ts";
import type { DayRequirement } from "./requirement.ts";
import {
  atWork,
  minutesOf,
  requiredBreakMinutes,
  type ShiftTemplate,
  SLOT_MINUTES,
} from "./shifts.ts";
import { mondayOf, weeklyLimit } from "./weeks.ts";

/**
 * The last quarter hour of the phone (17:00–17:15): a window that closes inside a half hour.
 * Solving it in the integer program would leave it only the few shifts that end exactly then,
 * which makes every week several times slower to solve; instead the weeks are solved to the
 * last whole half hour and the quarter is covered afterwards by extending, for that quarter, the
 * shifts that end as it begins — a phone-capable lead first (they cover the phone and the lead
 * rule at once), then other phone staff — where the person's availability, weekly hours and the
 * statutory break still allow it; a shift the break rule keeps from growing (six hours exactly)
 * moves a quarter later instead, if its first quarter is covered without it. What stays
 * uncovered the plan's unmet list reports.
 */

export interface ChosenShift {
  person: PlanPerson;
  date: string;
  shift: ShiftTemplate;
}

/** The requirement without the partial intervals the weeks are solved without. */
export function withoutTails(days: readonly DayRequirement[]): DayRequirement[] {
  return days.map((d) => ({
    ...d,
    intervals: d.intervals.filter((i) => i.minutes === INTERVAL_MINUTES),
  }));
}

/** Extends shifts over each day's partial intervals, as far as the rules allow; returns them. */
export function coverTails(
  chosen: readonly ChosenShift[],
  days: readonly DayRequirement[],
): ChosenShift[] {
  const out = chosen.map((c) => ({ ...c, shift: { ...c.shift } }));
  const daysInWeek = new Map<string, number>();
  for (const d of days)
    daysInWeek.set(mondayOf(d.date), (daysInWeek.get(mondayOf(d.date)) ?? 0) + 1);
  const paidInWeek = (personId: string, monday: string) =>
    out
      .filter((c) => c.person.id === personId && mondayOf(c.date) === monday)
      .reduce((s, c) => s + c.shift.paidMinutes, 0);
  for (const day of days)
    for (const tail of day.intervals.filter((i) => i.minutes < INTERVAL_MINUTES)) {
      let phoneNeeded = tail.phoneOpen ? tail.phoneRequired : 0;
      let leadNeeded = tail.counterOpen;
      const ending = out
        .filter((c) => c.date === day.date && c.shift.end === tail.start)
        .sort(
          (a, b) =>
            Number(b.person.lead && b.person.phone) - Number(a.person.lead && a.person.phone) ||
            Number(b.person.phone) - Number(a.person.phone),
        );
      for (const c of ending) {
        if (phoneNeeded <= 0 && !leadNeeded) break;
        const helps = (c.person.phone && phoneNeeded > 0) || (c.person.lead && leadNeeded);
        if (!helps || !availableTill(c, c.shift.end + tail.minutes)) continue;
        if (mayExtend(c, tail.minutes, paidInWeek, daysInWeek)) {
          c.shift.end += tail.minutes;
          c.shift.paidMinutes += tail.minutes;
        } else if (c.shift.breakStart === null && coveredWithout(out, c, days, tail.minutes)) {
          c.shift.start += tail.minutes;
          c.shift.end += tail.minutes;
        } else continue;
        if (c.person.phone) phoneNeeded--;
        if (c.person.lead) leadNeeded = false;
      }
    }
  return out;
}

function availableTill(c: ChosenShift, end: number): boolean {
  const hours = c.person.availability[String(weekday(c.date))];
  return hours !== undefined && minutesOf(hours.to) >= end;
}

/** Whether the slots a shift would give up at its start keep their cover (and lead) without it. */
function coveredWithout(
  shifts: readonly ChosenShift[],
  c: ChosenShift,
  days: readonly DayRequirement[],
  minutes: number,
): boolean {
  const day = days.find((d) => d.date === c.date);
  for (let slot = c.shift.start; slot < c.shift.start + minutes; slot += SLOT_MINUTES) {
    const i = day?.intervals.find((x) => x.start <= slot && slot < x.start + x.minutes);
    if (!i) continue;
    const need = {
      counter: i.counterOpen ? i.counterRequired : 0,
      phone: i.phoneOpen ? i.phoneRequired : 0,
      setup: i.setupRequired,
    };
    const here = shifts.filter((s) => s.date === c.date && atWork(s.shift, slot));
    const rest = here.filter((s) => s !== c);
    const before = assignWork(
      here.map((s) => s.person),
      need,
    );
    const after = assignWork(
      rest.map((s) => s.person),
      need,
    );
    if (after.counter < before.counter || after.phone < before.phone || after.setup < before.setup)
      return false;
    // The lead rule holds in the counter's hours (as the model's).
    if (c.person.lead && !rest.some((s) => s.person.lead) && i.counterOpen) return false;
  }
  return true;
}

function mayExtend(
  c: ChosenShift,
  minutes: number,
  paidInWeek: (personId: string, monday: string) => number,
  daysInWeek: Map<string, number>,
): boolean {
  // Availability is checked by the caller (availableTill) for the stretch and the move alike.
  if (requiredBreakMinutes(c.shift.paidMinutes + minutes) > c.shift.breakMinutes) return false;
  // The weekly limit as the week was solved with (a week cut by the month's edge, prorated).
  const monday = mondayOf(c.date);
  const limit = weeklyLimit(c.person, daysInWeek.get(monday) ?? 5);
  return paidInWeek(c.person.id, monday) + minutes <= limit * 60;
}
