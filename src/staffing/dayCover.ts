import { weekday } from "../calendar/dates.ts";
import type { PlanPerson } from "./model.ts";
import type { PlanInterval } from "./plan.ts";
import { presentIn, type RosterShift, scheduledBy } from "./rosterRules.ts";
import { hhmm, minutesOf, SLOT_MINUTES, shiftTemplates } from "./shifts.ts";

/** What a day's shifts leave uncovered: person-half-hours at the counter and the phone, and half hours without a lead. */
export interface Shortfall {
  counter: number;
  phone: number;
  lead: number;
}

export interface DayCoverInput {
  date: string;
  /** The day's half hours as the month's plan required them. */
  intervals: PlanInterval[];
  /** The day's planned shifts (everyone). */
  shifts: RosterShift[];
  people: PlanPerson[];
  /** Marked absent today (急な欠勤). */
  absent: ReadonlySet<string>;
  /** Paid hours each person already has in the day's week, this day left out. */
  weekHours: ReadonlyMap<string, number>;
  /** No new shift starts before this (minutes from midnight): now, when re-planning today. */
  earliest: number;
}

export interface DayCover {
  kept: RosterShift[];
  added: RosterShift[];
  before: Shortfall;
  after: Shortfall;
  /** Per half hour: required, and covered before and after (counter, phone). */
  intervals: {
    start: string;
    counterRequired: number;
    counterBefore: number;
    counterAfter: number;
    phoneRequired: number;
    phoneBefore: number;
    phoneAfter: number;
  }[];
}

/** A shift added to cover the day never goes beyond this many people. */
const MAX_ADDED = 12;

function shortfallOf(input: DayCoverInput, shifts: RosterShift[]) {
  const covered = scheduledBy(input.intervals, shifts, input.people);
  const present = presentIn(shifts, new Map(input.people.map((p) => [p.id, p])));
  let counter = 0;
  let phone = 0;
  let lead = 0;
  for (const i of covered) {
    if (i.counterOpen) counter += Math.max(0, i.counterRequired - i.counterScheduled);
    phone += Math.max(0, i.phoneRequired - i.phoneScheduled);
    const start = minutesOf(i.start.slice(11, 16));
    if (i.counterOpen && present(input.date, start).every((p) => !p.lead)) lead++;
  }
  return { shortfall: { counter, phone, lead }, covered };
}

const weight = (s: Shortfall) => s.counter + s.phone + s.lead;

/**
 * 同日再計画: with the absent taken out, the day's best cover from the people not yet working that
 * day, one shift at a time (the shift that removes the most shortfall, the shorter on a tie), each
 * within the person's availability, roster dates and weekly hours, and starting no earlier than
 * now. Those still working keep their shifts: a clerk at the counter is not moved mid-morning.
 * Pure; never leaves the day worse than without the additions.
 */
export function coverDay(input: DayCoverInput): DayCover {
  const kept = input.shifts.filter((s) => s.date === input.date && !input.absent.has(s.personId));
  const before = shortfallOf(input, kept);
  const open = input.intervals.filter((i) => i.counterOpen || i.phoneRequired > 0);
  const window = open.length
    ? {
        open: Math.max(
          input.earliest,
          Math.min(...open.map((i) => minutesOf(i.start.slice(11, 16)))),
        ),
        close: Math.max(...open.map((i) => minutesOf(i.start.slice(11, 16)) + (i.minutes ?? 30))),
      }
    : null;
  const day = String(weekday(input.date));
  const working = new Set(kept.map((s) => s.personId));
  const candidates = input.people.filter(
    (p) =>
      !input.absent.has(p.id) &&
      !working.has(p.id) &&
      p.activeFrom <= input.date &&
      (p.activeTo === null || p.activeTo >= input.date) &&
      (p.counter || p.phone),
  );
  const added: RosterShift[] = [];
  let current = before;
  while (window && added.length < MAX_ADDED && weight(current.shortfall) > 0) {
    let best: { shift: RosterShift; result: typeof current; paid: number } | undefined;
    for (const person of candidates) {
      if (added.some((s) => s.personId === person.id)) continue;
      const hours = person.availability[day];
      if (!hours) continue;
      const left = person.weeklyHourLimit * 60 - (input.weekHours.get(person.id) ?? 0) * 60;
      // One break position per start and length: where the break falls barely changes cover.
      const seen = new Set<string>();
      for (const t of shiftTemplates(window, {
        from: minutesOf(hours.from),
        to: minutesOf(hours.to),
      })) {
        if (t.paidMinutes > left || t.start % SLOT_MINUTES !== 0) continue;
        const key = `${t.start}-${t.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const shift: RosterShift = {
          personId: person.id,
          date: input.date,
          start: hhmm(t.start),
          end: hhmm(t.end),
          breakStart: t.breakStart === null ? null : hhmm(t.breakStart),
          breakEnd: t.breakStart === null ? null : hhmm(t.breakStart + t.breakMinutes),
        };
        const result = shortfallOf(input, [...kept, ...added, shift]);
        const gain = weight(current.shortfall) - weight(result.shortfall);
        if (gain <= 0) continue;
        const bestGain = best ? weight(current.shortfall) - weight(best.result.shortfall) : 0;
        if (!best || gain > bestGain || (gain === bestGain && t.paidMinutes < best.paid))
          best = { shift, result, paid: t.paidMinutes };
      }
    }
    if (!best) break;
    added.push(best.shift);
    current = best.result;
  }
  return {
    kept,
    added,
    before: before.shortfall,
    after: current.shortfall,
    intervals: input.intervals.map((i, n) => ({
      start: i.start,
      counterRequired: i.counterOpen ? i.counterRequired : 0,
      counterBefore: before.covered[n]!.counterScheduled,
      counterAfter: current.covered[n]!.counterScheduled,
      phoneRequired: i.phoneRequired,
      phoneBefore: before.covered[n]!.phoneScheduled,
      phoneAfter: current.covered[n]!.phoneScheduled,
    })),
  };
}
