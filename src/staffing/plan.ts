import { availableParallelism } from "node:os";
import type { BusinessDay } from "../calendar/rules.ts";
import { assignWork } from "./assign.ts";
import { type ExplainedUnmet, explainUnmet } from "./causes.ts";
import { simDays, unmetOf } from "./coverage.ts";
import { belowTargetOf, halfHourLevels } from "./halfHours.ts";
import { atWorkBySlot, partialWeekPeople, pool, weeksOf } from "./weeks.ts";

export type { ExplainedUnmet } from "./causes.ts";
export type { Unmet } from "./coverage.ts";

import { referenceDemand, type ServedRecord, serviceTimes } from "./demand.ts";
import { forecastDemand } from "./forecast.ts";
import { type PlanPerson, slotNeeds, weekModel } from "./model.ts";
import {
  DEFAULT_TARGETS,
  requirementOf,
  type StaffingTargets,
  scheduleSetup,
} from "./requirement.ts";
import { hhmm, minutesOf, SLOT_MINUTES } from "./shifts.ts";
import { simulateMonth } from "./simulate.ts";
import { type SolveOutcome, solve } from "./solver.ts";
import { type ChosenShift, coverTails, withoutTails } from "./tails.ts";

/** Everything the planner needs, read from the tenant by the operation (plans.ts). */
export interface PlanInput {
  month: string;
  /** The month's business days, and the days the history covers. */
  days: BusinessDay[];
  historyDays: BusinessDay[];
  history: ServedRecord[];
  monthlyVolumes: Record<string, number>;
  standardMinutes: Record<string, number>;
  terminalProcedures: ReadonlySet<string>;
  /** Only trained people on the roster. */
  people: PlanPerson[];
  targets?: StaffingTargets;
  /**
   * The back office's cards (カード在庫): waiting now, due by day, and received per month in the
   * history. Without them the month's setups come from the reference volumes.
   */
  cards?: {
    backlog: number;
    due: { by: string; count: number }[];
    receivedPerMonth: number | null;
  };
}

export interface PlanOptions {
  /**
   * For the month's solve: weeks are solved two at once on two cores, in order, and each
   * starts with what is left of this (never under MIN_WEEK_SECONDS), so a month ends in time on
   * a slow machine too, saying so when the limit rather than optimality ended a week.
   */
  timeLimitSeconds: number;
  gap: number;
  replications: number;
  seed: number;
}

/** A week started late still gets this long to find a good roster. */
const MIN_WEEK_SECONDS = 1;
const RESCUE_SECONDS = 60;
/**
 * A week cut short this far from its bound (on the objective, unmet cover costed) is solved again
 * with time: a roster that leaves needs uncovered is not worth its speed.
 */
const RESCUE_GAP = 0.02;
/**
 * What a week's solve proved: its dual bound or its relaxation, whichever is stronger. A bound the
 * solver did not reach (cut short before its root, say) proves nothing: zero.
 */
const provenBound = (o: SolveOutcome) => {
  const proven = (v: number) => (Number.isFinite(v) ? Math.max(0, v) : 0);
  return Math.max(proven(o.dualBound), proven(o.relaxation));
};
const weekGap = (o: SolveOutcome) =>
  o.objective > 0 ? (o.objective - provenBound(o)) / o.objective : 0;

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  timeLimitSeconds: 7,
  // On the objective, which carries the cost of anything unmet: tight enough for 2 % on hours.
  gap: 0.005,
  replications: 20,
  seed: 20260801,
};

export interface PlannedShift {
  personId: string;
  name: string;
  date: string;
  start: string;
  end: string;
  breakStart: string | null;
  breakEnd: string | null;
  paidHours: number;
}

export interface PlanInterval {
  /** ISO instant (+09:00) where the half hour starts. */
  start: string;
  /** 30, or less where the window closes inside the half hour (absent in plans made before). */
  minutes?: number;
  counterRequired: number;
  counterScheduled: number;
  phoneRequired: number;
  phoneScheduled: number;
  setupRequired: number;
  arrivals: number;
  /** The counter is open (a manager or deputy must be there). */
  counterOpen: boolean;
  /** Share of those arriving in this half hour called within the target, simulated. */
  simulatedLevel?: number;
}

export interface SimulatedLevel {
  serviceLevel: number;
  ciLow: number;
  ciHigh: number;
  meanWaitMinutes: number;
  p90WaitMinutes: number;
  utilisation: number;
}

export interface StaffingPlan {
  month: string;
  demandSource: "history" | "reference";
  targets: StaffingTargets;
  intervals: PlanInterval[];
  shifts: PlannedShift[];
  staffHours: number;
  /**
   * Paid hours no plan could go below while leaving no more unmet than this one: the solver's
   * proven bound (the MIP dual bound, or the LP relaxation where it is stronger) less the cost
   * this plan's unmet needs carry in the objective.
   */
  lowerBoundHours: number;
  /** How far the plan's hours can be from the best possible: (hours − lower bound) / hours. */
  gapPercent: number;
  /** "optimal" when every week met its gap; "time_limit" when the clock ended a week's solve. */
  ended: "optimal" | "time_limit" | "failed";
  baselineStaffHours: number;
  savingPercent: number;
  simulated: SimulatedLevel;
  baselineSimulated: SimulatedLevel;
  /** Each with its binding cause and what would lift it (plans made before: without). */
  unmet: ExplainedUnmet[];
  /**
   * Half hours whose simulated level is under the target: where the terminals bind them, and
   * where they do not (the staffing's own), of all the open half hours simulated.
   */
  belowTarget?: { terminalFree: number; terminalBound: number; intervals: number };
  unscheduledSetups: number;
  /** Cards with a deadline (a booked handover, express) the plan leaves no room to set up by it. */
  lateSetups?: number;
  /** Cards waiting for setup when the plan was made. */
  setupBacklog?: number;
  runtimeMs: number;
}

const iso = (date: string, minute: number) => `${date}T${hhmm(minute)}:00+09:00`;

/**
 * The month's plan: demand → requirement (with card setups fitted in) → a roster per week from
 * the integer program → the plan simulated, against the flat baseline a counter without this
 * tool staffs (every hour at the day's peak).
 */
export async function planMonth(
  input: PlanInput,
  options: PlanOptions = DEFAULT_PLAN_OPTIONS,
): Promise<StaffingPlan> {
  const started = performance.now();
  const targets = input.targets ?? DEFAULT_TARGETS;
  const learned = forecastDemand(input.days, input.history, input.historyDays);
  const demand = learned ?? referenceDemand(input.days, input.monthlyVolumes);
  const times = serviceTimes(input.history, input.standardMinutes);
  const terminalShare = new Map<string, number>();
  for (const day of demand)
    for (const i of day.intervals) {
      const all = Object.values(i.counter).reduce((a, b) => a + b, 0);
      const onTerminal = Object.entries(i.counter)
        .filter(([code]) => input.terminalProcedures.has(code))
        .reduce((a, [, n]) => a + n, 0);
      terminalShare.set(`${day.date}|${i.start}`, all > 0 ? onTerminal / all : 1);
    }
  const setups = scheduleSetup(
    requirementOf(demand, times, input.terminalProcedures, targets),
    {
      perMonth: input.cards?.receivedPerMonth ?? input.monthlyVolumes.setup ?? 0,
      backlog: input.cards?.backlog ?? 0,
      due: input.cards?.due ?? [],
    },
    input.standardMinutes.setup ?? 6,
    targets.terminals,
    (date, start) => terminalShare.get(`${date}|${start}`) ?? 1,
  );
  const requirement = setups.days;

  // Solved to the last whole half hour; a window closing inside one is covered after (tails.ts).
  const weeks = weeksOf(withoutTails(requirement));
  const models = weeks.map((week) => weekModel(partialWeekPeople(input.people, week), week));
  const empty: SolveOutcome = {
    ended: "optimal",
    objective: 0,
    dualBound: 0,
    relaxation: 0,
    colValue: new Float64Array(0),
    feasible: true,
    runtimeMs: 0,
  };
  const solveStarted = performance.now();
  const left = () =>
    Math.max(
      MIN_WEEK_SECONDS,
      options.timeLimitSeconds - (performance.now() - solveStarted) / 1000,
    );
  const outcomes: SolveOutcome[] = await pool(
    models.map(
      (model) => () =>
        model.numCols === 0
          ? Promise.resolve(empty)
          : solve(model, { timeLimitSeconds: left(), gap: options.gap }).then((first) =>
              // A week left without any roster, or far from its bound (a very loaded machine),
              // gets the time it needs: a late plan beats one with a week missing or uncovered.
              first.feasible && weekGap(first) <= RESCUE_GAP
                ? first
                : solve(model, { timeLimitSeconds: RESCUE_SECONDS, gap: options.gap }),
            ),
    ),
    Math.max(1, Math.min(2, availableParallelism())),
    models.map((m) => m.numCols),
  );

  const byId = new Map(input.people.map((p) => [p.id, p]));
  const solved: ChosenShift[] = [];
  models.forEach((model, w) => {
    const values = outcomes[w]!.colValue;
    model.columns.forEach((c, j) => {
      if (c.kind === "shift" && values[j]! > 0.5)
        solved.push({ person: byId.get(c.person!)!, date: c.date, shift: c.shift! });
    });
  });

  const needs = slotNeeds(requirement);
  const chosen = coverTails(solved, requirement);
  const atWorkNow = atWorkBySlot(chosen);
  const servedBySlot = new Map<string, ReturnType<typeof assignWork>>();
  for (const n of needs)
    servedBySlot.set(
      `${n.date}|${n.slot}`,
      assignWork(atWorkNow.get(`${n.date}|${n.slot}`) ?? [], n),
    );
  const uncovered = unmetOf(
    needs,
    (date, slot) => servedBySlot.get(`${date}|${slot}`) ?? { counter: 0, phone: 0, setup: 0 },
    (date, slot) => (atWorkNow.get(`${date}|${slot}`) ?? []).some((p) => p.lead),
    requirement,
  );
  const unmet = explainUnmet(uncovered, input.people, chosen, requirement, {
    atWork: (date, slot) => atWorkNow.get(`${date}|${slot}`) ?? [],
    served: (date, slot) =>
      servedBySlot.get(`${date}|${slot}`) ?? { counter: 0, phone: 0, setup: 0 },
  });
  const intervals: PlanInterval[] = requirement.flatMap((day) =>
    day.intervals.map((i) => {
      const halves = [i.start, i.start + SLOT_MINUTES]
        .filter((slot) => slot < i.start + i.minutes)
        .map(
          (slot) => servedBySlot.get(`${day.date}|${slot}`) ?? { phone: 0, setup: 0, counter: 0 },
        );
      return {
        start: iso(day.date, i.start),
        minutes: i.minutes,
        counterRequired: i.counterRequired,
        counterScheduled: Math.min(...halves.map((h) => h.counter)),
        phoneRequired: i.phoneRequired,
        phoneScheduled: Math.min(...halves.map((h) => h.phone)),
        setupRequired: i.setupRequired,
        counterOpen: i.counterOpen,
        arrivals: Object.values(
          demand.find((d) => d.date === day.date)!.intervals.find((x) => x.start === i.start)!
            .counter,
        ).reduce((a, b) => a + b, 0),
      };
    }),
  );

  const simOptions = {
    times,
    terminalProcedures: input.terminalProcedures,
    terminals: targets.terminals,
    targetMinutes: targets.counterWaitMinutes,
    pinResetWithHandover: 0.1,
  };
  const simulated = simulateMonth(
    simDays(demand, (date, slot) => servedBySlot.get(`${date}|${slot}`)?.counter ?? 0),
    simOptions,
    options.replications,
    options.seed,
  );
  const levels = halfHourLevels(demand, simulated.halfHours);
  const belowTarget = belowTargetOf(requirement, levels, targets.counterServiceLevel);
  for (const interval of intervals) {
    const level = levels.get(
      `${interval.start.slice(0, 10)}|${minutesOf(interval.start.slice(11, 16))}`,
    );
    if (level !== undefined) interval.simulatedLevel = level;
  }
  // The flat baseline: the day's peak of every need, all day long.
  const peakOf = new Map(
    requirement.map((d) => [
      d.date,
      d.intervals.reduce(
        (m, i) => ({
          counter: Math.max(m.counter, i.counterRequired),
          all: Math.max(m.all, i.counterRequired + i.phoneRequired + i.setupRequired),
        }),
        { counter: 0, all: 0 },
      ),
    ]),
  );
  const baselineStaffHours = requirement.reduce(
    (s, d) =>
      s + ((peakOf.get(d.date)?.all ?? 0) * d.intervals.reduce((m, i) => m + i.minutes, 0)) / 60,
    0,
  );
  const baselineSimulated = simulateMonth(
    simDays(demand, (date) => peakOf.get(date)?.counter ?? 0),
    simOptions,
    options.replications,
    options.seed,
  );
  const staffHours = chosen.reduce((s, c) => s + c.shift.paidMinutes / 60, 0);
  const objective = outcomes.reduce((s, o) => s + o.objective, 0);
  const bound = outcomes.reduce((s, o) => s + provenBound(o), 0);
  const pick = (r: typeof simulated): SimulatedLevel => ({
    serviceLevel: r.serviceLevel,
    ciLow: r.ciLow,
    ciHigh: r.ciHigh,
    meanWaitMinutes: r.meanWaitMinutes,
    p90WaitMinutes: r.p90WaitMinutes,
    utilisation: r.utilisation,
  });
  return {
    month: input.month,
    demandSource: learned ? "history" : "reference",
    targets,
    intervals,
    shifts: chosen
      .map((c) => ({
        personId: c.person.id,
        name: c.person.name,
        date: c.date,
        start: hhmm(c.shift.start),
        end: hhmm(c.shift.end),
        breakStart: c.shift.breakStart === null ? null : hhmm(c.shift.breakStart),
        breakEnd:
          c.shift.breakStart === null ? null : hhmm(c.shift.breakStart + c.shift.breakMinutes),
        paidHours: c.shift.paidMinutes / 60,
      }))
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          a.start.localeCompare(b.start) ||
          a.name.localeCompare(b.name),
      ),
    staffHours,
    lowerBoundHours: Math.max(0, staffHours - (objective - bound)),
    // Measured on the hours, not on the objective with its unmet costs (which would look smaller).
    gapPercent: staffHours > 0 ? Math.max(0, ((objective - bound) / staffHours) * 100) : 0,
    ended: outcomes.some((o) => o.ended === "failed")
      ? "failed"
      : outcomes.some((o) => o.ended === "time_limit")
        ? "time_limit"
        : "optimal",
    baselineStaffHours,
    savingPercent:
      baselineStaffHours > 0 ? ((baselineStaffHours - staffHours) / baselineStaffHours) * 100 : 0,
    simulated: pick(simulated),
    baselineSimulated: pick(baselineSimulated),
    unmet,
    belowTarget,
    unscheduledSetups: setups.unscheduledSetups,
    lateSetups: setups.lateSetups,
    setupBacklog: input.cards?.backlog ?? 0,
    runtimeMs: Math.round(performance.now() - started),
  };
}
