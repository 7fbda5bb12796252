import type { DayDemand, ServiceTime } from "./demand.ts";
import { requiredAgents } from "./erlang.ts";

/** The service levels the plan must meet (per tenant), and what is lost besides breaks. */
export interface StaffingTargets {
  /** Share of people called within `counterWaitMinutes` (default 80 % within 15 minutes). */
  counterServiceLevel: number;
  counterWaitMinutes: number;
  /** Share of calls answered within `phoneWaitSeconds` (default 80 % within 20 s). */
  phoneServiceLevel: number;
  phoneWaitSeconds: number;
  /** Time at the counter lost to other things (hand-offs, questions to the lead): 0.1 = 10 %. */
  shrinkage: number;
  /** Integrated terminals (統合端末, §7): the cap on counter staff doing terminal procedures. */
  terminals: number;
}

export const DEFAULT_TARGETS: StaffingTargets = {
  counterServiceLevel: 0.8,
  counterWaitMinutes: 15,
  phoneServiceLevel: 0.8,
  phoneWaitSeconds: 20,
  shrinkage: 0.1,
  terminals: 5,
};

export interface IntervalRequirement {
  start: number;
  /** 30, or the part of the half hour a window still covers. */
  minutes: number;
  counterOpen: boolean;
  phoneOpen: boolean;
  /** People arriving per hour in the interval, and their mean minutes at the counter. */
  arrivalsPerHour: number;
  ahtMinutes: number;
  /** Staff needed at the counter (after shrinkage, within the terminal cap). */
  counterRequired: number;
  phoneRequired: number;
  /** Staff setting up cards (交付前設定) on terminals the counter leaves idle. */
  setupRequired: number;
  /** Counter staff the demand needs beyond the terminals: said, not pretended away. */
  terminalShortfall: number;
}

export interface DayRequirement {
  date: string;
  intervals: IntervalRequirement[];
}

/** Procedures done on an integrated terminal (the catalogue's needsIntegratedTerminal). */
export type TerminalProcedures = ReadonlySet<string>;

/**
 * Shrinkage as time: a person at the counter gives it (1 − shrinkage) of each hour, so the work
 * of an arrival takes AHT / (1 − shrinkage) of staffed time. (Dividing the head count instead
 * turns 2 into 3 for a tenth lost, which small teams cannot afford.)
 */
const withShrinkage = (ahtMinutes: number, shrinkage: number) => ahtMinutes / (1 - shrinkage);

function mixOf(
  counter: Record<string, number>,
  times: Record<string, ServiceTime>,
  length: number,
  only?: TerminalProcedures,
) {
  let arrivals = 0;
  let minutes = 0;
  for (const [code, n] of Object.entries(counter)) {
    if (only && !only.has(code)) continue;
    arrivals += n;
    minutes += n * (times[code]?.meanMinutes ?? 10);
  }
  return {
    arrivalsPerHour: (arrivals * 60) / length,
    ahtMinutes: arrivals > 0 ? minutes / arrivals : 0,
  };
}

/**
 * Staff needed per interval. The counter never stops while open (§6(3)): at least one person;
 * the phone the same in its hours. Counter staff on terminal procedures cannot exceed the
 * terminals: beyond them the interval reports a shortfall instead of a number nobody can seat.
 */
export function requirementOf(
  demand: readonly DayDemand[],
  times: Record<string, ServiceTime>,
  terminalProcedures: TerminalProcedures,
  targets: StaffingTargets = DEFAULT_TARGETS,
): DayRequirement[] {
  const counterSeconds = targets.counterWaitMinutes * 60;
  return demand.map((day) => ({
    date: day.date,
    intervals: day.intervals.map((i) => {
      const all = mixOf(i.counter, times, i.minutes);
      const terminal = mixOf(i.counter, times, i.minutes, terminalProcedures);
      let counter = 0;
      let shortfall = 0;
      if (i.counterOpen) {
        const need = requiredAgents(
          all.arrivalsPerHour,
          withShrinkage(all.ahtMinutes, targets.shrinkage),
          targets.counterServiceLevel,
          counterSeconds,
        );
        const onTerminals = requiredAgents(
          terminal.arrivalsPerHour,
          withShrinkage(terminal.ahtMinutes, targets.shrinkage),
          targets.counterServiceLevel,
          counterSeconds,
        );
        shortfall = Math.max(0, onTerminals - targets.terminals);
        counter = Math.max(1, need - shortfall);
      }
      const phoneTime = times.phone?.meanMinutes ?? 5;
      const phone = i.phoneOpen
        ? Math.max(
            1,
            requiredAgents(
              (i.phone * 60) / i.minutes,
              withShrinkage(phoneTime, targets.shrinkage),
              targets.phoneServiceLevel,
              targets.phoneWaitSeconds,
            ),
          )
        : 0;
      return {
        start: i.start,
        minutes: i.minutes,
        counterOpen: i.counterOpen,
        phoneOpen: i.phoneOpen,
        arrivalsPerHour: all.arrivalsPerHour,
        ahtMinutes: all.ahtMinutes,
        counterRequired: counter,
        phoneRequired: phone,
        setupRequired: 0,
        terminalShortfall: shortfall,
      };
    }),
  }));
}

/**
 * The back office's setup work (交付前設定) the month must absorb: the cards the office expects
 * to receive, those already waiting, and, of the waiting, how many must be set up by each day.
 */
export interface SetupWork {
  perMonth: number;
  backlog: number;
  due: { by: string; count: number }[];
}

/** The backlog without a deadline is cleared within this many working days, not all at once. */
const BACKLOG_WORKDAYS = 5;

/**
 * 交付前設定 is deferrable: it goes into terminal time the counter leaves idle, the quietest
 * intervals first. Each working day takes its share of the month's expected cards, of the backlog
 * (spread over the first week) and every waiting card whose deadline is that day or earlier;
 * what does not fit carries to the next day. Cards with a deadline are set up first (earliest
 * deadline first), so a card is late only when the days before its deadline had no room: those
 * are counted, and what is still left at the month's end is returned, never hidden.
 */
export function scheduleSetup(
  days: DayRequirement[],
  work: SetupWork,
  setupMinutes: number,
  terminals: number,
  terminalShareOfCounter: (day: string, start: number) => number,
): { days: DayRequirement[]; unscheduledSetups: number; lateSetups: number } {
  const out = days.map((day) => ({ ...day, intervals: day.intervals.map((i) => ({ ...i })) }));
  const workdays = out.filter((d) => d.intervals.some((i) => i.counterOpen));
  const last = workdays.at(-1)?.date;
  const dueOn = workdays.map(() => 0);
  let dueInMonth = 0;
  for (const d of work.due) {
    if (last === undefined || d.by > last) continue;
    // The last working day on or before the deadline (the first day where that has passed).
    const k = workdays.findLastIndex((w) => w.date <= d.by);
    dueOn[Math.max(0, k)]! += d.count;
    dueInMonth += d.count;
  }
  const idleOf = (day: DayRequirement, slot: IntervalRequirement) =>
    Math.max(
      0,
      terminals - Math.ceil(slot.counterRequired * terminalShareOfCounter(day.date, slot.start)),
    );
  const capacity = workdays.map((day) =>
    day.intervals
      .filter((i) => i.counterOpen)
      .reduce((n, i) => n + (idleOf(day, i) * i.minutes) / setupMinutes, 0),
  );
  // How many must be done by each day's end for every later deadline still to fit: the cards due
  // by then, or what the days after cannot absorb of the next day's requirement.
  const required = workdays.map(() => 0);
  let dueTotal = dueOn.reduce((a, b) => a + b, 0);
  for (let k = workdays.length - 1; k >= 0; k--) {
    const later = k + 1 < workdays.length ? required[k + 1]! - capacity[k + 1]! : 0;
    required[k] = Math.max(dueTotal, later);
    dueTotal -= dueOn[k]!;
  }
  const flow = workdays.length ? work.perMonth / workdays.length : 0;
  const plain = Math.max(0, work.backlog - dueInMonth);
  let done = 0;
  let dueSoFar = 0;
  let late = 0;
  let target = 0;
  workdays.forEach((day, k) => {
    dueSoFar += dueOn[k]!;
    target = flow * (k + 1) + plain * Math.min(1, (k + 1) / BACKLOG_WORKDAYS) + required[k]!;
    let toDo = target - done;
    const slots = day.intervals
      .filter((i) => i.counterOpen)
      .sort((a, b) => a.counterRequired - b.counterRequired || a.start - b.start);
    for (const slot of slots) {
      if (toDo <= 1e-9) break;
      const idle = idleOf(day, slot);
      if (idle === 0) continue;
      const perStaff = slot.minutes / setupMinutes;
      const staff = Math.min(idle, Math.ceil(toDo / perStaff));
      slot.setupRequired = staff;
      toDo -= staff * perStaff;
      done += staff * perStaff;
    }
    // Earliest deadline first: what is still undone of the cards due by today is today's due.
    late += Math.min(dueOn[k]!, Math.max(0, dueSoFar - done));
  });
  return {
    days: out,
    unscheduledSetups: Math.round(Math.max(0, target - done)),
    lateSetups: Math.round(late),
  };
}
