import { addDays, weekday } from "../calendar/dates.ts";
import { assignWork } from "./assign.ts";
import type { PlanPerson, SlotNeed } from "./model.ts";
import type { PlanInterval } from "./plan.ts";
import { minutesOf, requiredBreakMinutes, SLOT_MINUTES } from "./shifts.ts";

/** A shift as a plan or a hand edit states it. */
export interface RosterShift {
  personId: string;
  date: string;
  start: string;
  end: string;
  breakStart: string | null;
  breakEnd: string | null;
}

export type ViolationCode =
  | "unknown_person"
  | "two_shifts_a_day"
  | "outside_availability"
  | "not_on_roster_that_day"
  | "break_too_short"
  | "break_outside_shift"
  | "weekly_hours"
  | "no_lead"
  | "counter_short"
  | "phone_short"
  | "setup_short";

export interface Violation {
  code: ViolationCode;
  date: string;
  personId?: string;
  /** The slot (HH:MM) for coverage rules. */
  at?: string;
  ja: string;
  en: string;
}

const paidMinutes = (s: RosterShift) =>
  minutesOf(s.end) -
  minutesOf(s.start) -
  (s.breakStart && s.breakEnd ? minutesOf(s.breakEnd) - minutesOf(s.breakStart) : 0);
const mondayOf = (date: string) => addDays(date, -((weekday(date) + 6) % 7));
const at = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * Every rule of the roster, checked on any set of shifts (the optimiser's or a manager's hand
 * edit): one shift a day, inside the person's availability and roster dates, the statutory
 * break inside the shift, weekly hours, a manager or deputy whenever the counter is open, and
 * the counter, phone and setup needs of every 15-minute slot covered by capable people not on
 * break (so staggered breaks never leave the counter short). Only trained people are passed in:
 * anyone else is an unknown person.
 */
export function checkRoster(
  shifts: readonly RosterShift[],
  people: readonly PlanPerson[],
  needs: readonly SlotNeed[],
): Violation[] {
  const out: Violation[] = [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const perDay = new Map<string, number>();
  const weekly = new Map<string, number>();
  for (const s of shifts) {
    const person = byId.get(s.personId);
    if (!person) {
      out.push({
        code: "unknown_person",
        date: s.date,
        personId: s.personId,
        ja: "名簿にない、または研修未了の人です。",
        en: "Not a trained person on the roster.",
      });
      continue;
    }
    const dayKey = `${s.personId}|${s.date}`;
    perDay.set(dayKey, (perDay.get(dayKey) ?? 0) + 1);
    if (perDay.get(dayKey) === 2)
      out.push({
        code: "two_shifts_a_day",
        date: s.date,
        personId: s.personId,
        ja: `${person.name}さんに同じ日の勤務が2つあります。`,
        en: `${person.name} has two shifts that day.`,
      });
    const hours = person.availability[String(weekday(s.date))];
    if (!hours || s.start < hours.from || s.end > hours.to)
      out.push({
        code: "outside_availability",
        date: s.date,
        personId: s.personId,
        ja: `${person.name}さんの勤務可能時間の外です。`,
        en: `Outside ${person.name}'s available hours.`,
      });
    if (person.activeFrom > s.date || (person.activeTo !== null && person.activeTo < s.date))
      out.push({
        code: "not_on_roster_that_day",
        date: s.date,
        personId: s.personId,
        ja: `${person.name}さんはこの日は従事者ではありません。`,
        en: `${person.name} is not on the roster that day.`,
      });
    const work = paidMinutes(s);
    const pause = s.breakStart && s.breakEnd ? minutesOf(s.breakEnd) - minutesOf(s.breakStart) : 0;
    if (pause < requiredBreakMinutes(work))
      out.push({
        code: "break_too_short",
        date: s.date,
        personId: s.personId,
        ja: `${person.name}さんの休憩が労働基準法の時間に足りません（${requiredBreakMinutes(work)}分必要）。`,
        en: `${person.name}'s break is shorter than the law requires (${requiredBreakMinutes(work)} min).`,
      });
    if (
      s.breakStart &&
      s.breakEnd &&
      (s.breakStart < s.start || s.breakEnd > s.end || s.breakEnd <= s.breakStart)
    )
      out.push({
        code: "break_outside_shift",
        date: s.date,
        personId: s.personId,
        ja: `${person.name}さんの休憩が勤務時間の外です。`,
        en: `${person.name}'s break is outside the shift.`,
      });
    const weekKey = `${s.personId}|${mondayOf(s.date)}`;
    weekly.set(weekKey, (weekly.get(weekKey) ?? 0) + work / 60);
  }
  for (const [key, hours] of weekly) {
    const [personId, monday] = key.split("|") as [string, string];
    const person = byId.get(personId)!;
    if (hours > person.weeklyHourLimit + 1e-9)
      out.push({
        code: "weekly_hours",
        date: monday,
        personId,
        ja: `${person.name}さんの週の勤務が上限（${person.weeklyHourLimit}時間）を超えています（${hours}時間）。`,
        en: `${person.name} works ${hours} h in the week, over the limit of ${person.weeklyHourLimit} h.`,
      });
  }
  const present = presentIn(shifts, byId);
  for (const n of needs) {
    const here = [...present(n.date, n.slot)];
    if (n.lead && !here.some((p) => p.lead))
      out.push({
        code: "no_lead",
        date: n.date,
        at: at(n.slot),
        ja: "業務管理者・業務副管理者のどちらもいません。",
        en: "Neither the manager nor the deputy is there.",
      });
    // Who does what: the same flow assignment the plan uses (counter first).
    const { counter, phone, setup } = assignWork(here, n);
    if (phone < n.phone)
      out.push({
        code: "phone_short",
        date: n.date,
        at: at(n.slot),
        ja: `電話が${n.phone - phone}人足りません。`,
        en: `${n.phone - phone} short on the phone.`,
      });
    if (setup < n.setup)
      out.push({
        code: "setup_short",
        date: n.date,
        at: at(n.slot),
        ja: `交付前設定が${n.setup - setup}人足りません。`,
        en: `${n.setup - setup} short for card setup.`,
      });
    if (counter < n.counter)
      out.push({
        code: "counter_short",
        date: n.date,
        at: at(n.slot),
        ja: `窓口が${n.counter - counter}人足りません。`,
        en: `${n.counter - counter} short at the counter.`,
      });
  }
  return out;
}

/** Coverage, slot by slot: who is at work and not on break. */
export function presentIn(shifts: readonly RosterShift[], byId: ReadonlyMap<string, PlanPerson>) {
  return (date: string, slot: number): PlanPerson[] =>
    shifts
      .filter((s) => s.date === date && byId.has(s.personId))
      .filter((s) => minutesOf(s.start) <= slot && slot + SLOT_MINUTES <= minutesOf(s.end))
      .filter(
        (s) =>
          !(
            s.breakStart &&
            s.breakEnd &&
            slot + SLOT_MINUTES > minutesOf(s.breakStart) &&
            slot < minutesOf(s.breakEnd)
          ),
      )
      .map((s) => byId.get(s.personId)!);
}

/**
 * The half hours with what a set of shifts covers (counter and phone, the least of the two
 * quarter hours, assigned as the plan assigns): a plan's chart after hand edits, saved or not.
 */
export function scheduledBy<I extends PlanInterval>(
  intervals: readonly I[],
  shifts: readonly RosterShift[],
  people: readonly PlanPerson[],
): I[] {
  const present = presentIn(shifts, new Map(people.map((p) => [p.id, p])));
  return intervals.map((i) => {
    const halves = needsIn(i).map((n) => assignWork(present(n.date, n.slot), n));
    return {
      ...i,
      counterScheduled: Math.min(...halves.map((h) => h.counter)),
      phoneScheduled: Math.min(...halves.map((h) => h.phone)),
    };
  });
}

/** Paid hours of a set of shifts (breaks unpaid). */
export const paidHoursOf = (shifts: readonly RosterShift[]) =>
  shifts.reduce((sum, s) => sum + paidMinutes(s), 0) / 60;

/** Shortfalls of cover: reported with the plan, not reasons to refuse publishing it. */
export const COVERAGE = new Set(["counter_short", "phone_short", "setup_short", "no_lead"]);

/** The slot needs a plan was made for, from its half-hour intervals. */
export function needsOf(plan: { intervals: readonly PlanInterval[] }): SlotNeed[] {
  return plan.intervals.flatMap(needsIn);
}

/** One interval's 15-minute slots (one, where a window closes at its quarter). */
function needsIn(i: PlanInterval): SlotNeed[] {
  const date = i.start.slice(0, 10);
  const start = minutesOf(i.start.slice(11, 16));
  return [start, start + SLOT_MINUTES]
    .filter((slot) => slot < start + (i.minutes ?? 30))
    .map((slot) => ({
      date,
      slot,
      counter: i.counterOpen ? i.counterRequired : 0,
      phone: i.phoneRequired,
      setup: i.setupRequired,
      lead: i.counterOpen,
    }));
}
