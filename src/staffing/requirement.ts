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
 * 交付前設定 is deferrable: the month's setups go into terminal time the counter leaves idle, the
 * quietest intervals first, each day taking its share and carrying what does not fit to the
 * next day; what is still left at the month's end is returned, never hidden.
 */
export function scheduleSetup(
  days: DayRequirement[],
  monthlySetups: number,
  setupMinutes: number,
  terminals: number,
  terminalShareOfCounter: (day: string, start: number) => number,
): { days: DayRequirement[]; unscheduledSetups: number } {
  const workdays = days.filter((d) => d.intervals.some((i) => i.counterOpen));
  const perDay = workdays.length ? monthlySetups / workdays.length : 0;
  let carried = 0;
  const out = days.map((day) => ({ ...day, intervals: day.intervals.map((i) => ({ ...i })) }));
  for (const day of out) {
    if (!day.intervals.some((i) => i.counterOpen)) continue;
    let toDo = perDay + carried;
    const slots = day.intervals
      .filter((i) => i.counterOpen)
      .sort((a, b) => a.counterRequired - b.counterRequired || a.start - b.start);
    for (const slot of slots) {
      if (toDo <= 1e-9) break;
      const idle = Math.max(
        0,
        terminals - Math.ceil(slot.counterRequired * terminalShareOfCounter(day.date, slot.start)),
      );
      if (idle === 0) continue;
      const perStaff = slot.minutes / setupMinutes;
      const staff = Math.min(idle, Math.ceil(toDo / perStaff));
      slot.setupRequired = staff;
      toDo -= staff * perStaff;
    }
    carried = Math.max(0, toDo);
  }
  return { days: out, unscheduledSetups: Math.round(carried) };
}
