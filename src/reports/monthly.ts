import type { DailyFigures, Occurrence, Outcomes } from "./daily.ts";
import { waitFigures } from "./daily.ts";

/**
 * 月次業務完了報告書 (仕様 9): the month's figures, from its days' figures, in the categories of
 * the reference figures (仕様 8(5)). Pure.
 */

/** The eight categories of 仕様 8(5), in the order the specification lists them. */
export const REPORT_CATEGORIES = [
  "setup",
  "handover",
  "ecert",
  "pin_reset",
  "insurance_fund",
  "phone",
  "application",
  "express",
] as const;

/**
 * Entries in the specification's order of categories (a stored report's object comes back from
 * the database with its keys in the database's order), others after them by name.
 */
export function inCategoryOrder<T>(byCategory: Record<string, T>): [string, T][] {
  const rank = (c: string) => {
    const i = (REPORT_CATEGORIES as readonly string[]).indexOf(c);
    return i < 0 ? REPORT_CATEGORIES.length : i;
  };
  return Object.entries(byCategory).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Entries in the order of a list of codes (the catalogue's), the rest after them by name. */
export function inOrderOf<T>(order: readonly string[], byCode: Record<string, T>): [string, T][] {
  const rank = (c: string) => (order.indexOf(c) < 0 ? order.length : order.indexOf(c));
  return Object.entries(byCode).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface MonthlyInput {
  month: string;
  days: DailyFigures[];
  /** Each procedure's category (カード交付 → handover …); phone calls count as "phone". */
  categoryOf: Record<string, string>;
  /** 交付前設定 done in the back office that month (0 until the card stock is kept here). */
  setupsDone: number;
  /** Every wait of the month, in minutes: the month's percentile is not an average of the days'. */
  waits: number[];
  paidStaffHours: number;
  training: { heldOn: string; title: string; attendees: number }[];
  rosterChanges: { at: string; summary: string }[];
  target: { share: number; minutes: number };
}

export function monthlyFigures(input: MonthlyInput) {
  const totals: Record<string, Outcomes> = Object.fromEntries(
    REPORT_CATEGORIES.map((c) => [c, { completed: 0, notCompleted: 0 }]),
  );
  const add = (category: string, o: Outcomes) => {
    const t = totals[category] ?? { completed: 0, notCompleted: 0 };
    totals[category] = t;
    t.completed += o.completed;
    t.notCompleted += o.notCompleted;
  };
  for (const day of input.days) {
    for (const [code, o] of Object.entries(day.counter)) add(input.categoryOf[code] ?? code, o);
    const handled = day.phone.calls - (day.phone.byOutcome.call_back ?? 0);
    add("phone", { completed: handled, notCompleted: day.phone.calls - handled });
  }
  totals.setup!.completed += input.setupsDone;
  const waiting = waitFigures(input.waits, input.target.minutes);
  const daysMet = input.days.filter((d) => d.waiting.all.withinTarget >= input.target.share).length;
  return {
    month: input.month,
    totals,
    days: input.days.map((d) => {
      const served = Object.values(d.counter).reduce(
        (s, o) => ({
          completed: s.completed + o.completed,
          notCompleted: s.notCompleted + o.notCompleted,
        }),
        { completed: 0, notCompleted: 0 },
      );
      return {
        date: d.date,
        people: d.visits.people,
        ...served,
        phoneCalls: d.phone.calls,
        meanWaitMinutes: d.waiting.all.meanMinutes,
        p90WaitMinutes: d.waiting.all.p90Minutes,
        withinTarget: d.waiting.all.withinTarget,
        noShows: d.reservations.noShow,
        staffOnDuty: d.staffing.people,
        leadAlwaysPresent: d.staffing.leadAlwaysPresent,
      };
    }),
    waiting,
    serviceLevel: {
      target: input.target.share,
      targetMinutes: input.target.minutes,
      attained: waiting.withinTarget,
      met: waiting.withinTarget >= input.target.share,
      daysMet,
      days: input.days.length,
    },
    reservations: {
      booked: sum(input.days.map((d) => d.reservations.booked)),
      checkedIn: sum(input.days.map((d) => d.reservations.checkedIn)),
      noShow: sum(input.days.map((d) => d.reservations.noShow)),
      cancelled: sum(input.days.map((d) => d.reservations.cancelled)),
    },
    staffing: {
      paidHours: Math.round(input.paidStaffHours * 100) / 100,
      daysWithoutLead: input.days.filter((d) => !d.staffing.leadAlwaysPresent).map((d) => d.date),
    },
    training: input.training,
    rosterChanges: input.rosterChanges,
    // Filled by the incident records and improvement proposals (仕様 4, 14) once they are kept.
    incidents: input.days.flatMap((d) => d.incidents) as Occurrence[],
    proposals: [] as Occurrence[],
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export type MonthlyFigures = ReturnType<typeof monthlyFigures>;
