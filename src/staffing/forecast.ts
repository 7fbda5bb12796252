import { addDays, addMonths, weekday } from "../calendar/dates.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import {
  COUNTER_PROCEDURES,
  type DayDemand,
  INTERVAL_MINUTES,
  learnedDemand,
  type ServedRecord,
} from "./demand.ts";

/**
 * The forecast (需要予測) the planner staffs by, and the measures of its accuracy. Pure.
 *
 * The shape (weekday × half hour × procedure, the calendar's effects taken out) is learned from
 * all the history; the month's total from its last complete month. The volumes are monthly
 * (§8(5)): a month of 22 business days spreads its people thinner than one of 18, so a day's
 * level does not carry over, the month's total does. Without it the forecast made after May
 * (Golden Week: 18 days) put June a sixth too high.
 */
/** Seasonal naive looks back four weeks. */
export const NAIVE_DAYS = 28;

const total = (d: DayDemand) =>
  d.intervals.reduce(
    (s, i) => s + i.phone + Object.values(i.counter).reduce((a, b) => a + b, 0),
    0,
  );

export function forecastDemand(
  days: readonly BusinessDay[],
  history: readonly ServedRecord[],
  historyDays: readonly BusinessDay[],
): DayDemand[] | null {
  const shape = learnedDemand(days, history, historyDays);
  if (!shape) return null;
  const month = lastCompleteMonth(historyDays);
  const actual = month ? history.filter((r) => r.serviceDay.startsWith(month)).length : 0;
  const expected = shape.reduce((s, d) => s + total(d), 0);
  if (actual <= 0 || expected <= 0) return shape;
  const level = actual / expected;
  return shape.map((d) => ({
    ...d,
    intervals: d.intervals.map((i) => ({
      ...i,
      phone: i.phone * level,
      counter: Object.fromEntries(Object.entries(i.counter).map(([k, v]) => [k, v * level])),
    })),
  }));
}

/** The last month the history covers to its end (learned until its last day). */
function lastCompleteMonth(historyDays: readonly BusinessDay[]): string | null {
  const last = historyDays.at(-1)?.date;
  if (!last) return null;
  const month = last.slice(0, 7);
  return addDays(last, 1).startsWith(month) ? addMonths(month, -1) : month;
}

/** Counts per day, procedure (and "phone") and half hour: what actually came, or a forecast. */
export type Counts = Map<string, number>;
const key = (date: string, code: string, start: number) => `${date}|${code}|${start}`;

export function countsOf(records: readonly ServedRecord[]): Counts {
  const out: Counts = new Map();
  for (const r of records) {
    const code = r.channel === "phone" ? "phone" : r.procedureCode;
    const start = Math.floor(r.arrivedAt / INTERVAL_MINUTES) * INTERVAL_MINUTES;
    const k = key(r.serviceDay, code, start);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export function countsOfDemand(demand: readonly DayDemand[]): Counts {
  const out: Counts = new Map();
  for (const d of demand)
    for (const i of d.intervals) {
      for (const [code, n] of Object.entries(i.counter))
        if (n > 0) out.set(key(d.date, code, i.start), n);
      if (i.phone > 0) out.set(key(d.date, "phone", i.start), i.phone);
    }
  return out;
}

/**
 * The seasonal-naive forecast: for each day, the mean of the same weekday's days served in the
 * four weeks before the forecast was made, half hour by half hour and procedure by procedure.
 */
export function seasonalNaive(
  days: readonly BusinessDay[],
  history: readonly ServedRecord[],
  learnUntil: string,
): Counts {
  const since = addDays(learnUntil, -NAIVE_DAYS + 1);
  const recent = history.filter((r) => r.serviceDay >= since && r.serviceDay <= learnUntil);
  const served = new Set(recent.map((r) => r.serviceDay));
  const perWeekday = new Map<number, number>();
  for (const date of served)
    perWeekday.set(weekday(date), (perWeekday.get(weekday(date)) ?? 0) + 1);
  const sums = new Map<string, number>();
  for (const [k, n] of countsOf(recent)) {
    const [date, code, start] = k.split("|") as [string, string, string];
    const w = `${weekday(date)}|${code}|${start}`;
    sums.set(w, (sums.get(w) ?? 0) + n);
  }
  const out: Counts = new Map();
  for (const d of days) {
    if (!d.counter && !d.phone) continue;
    const n = perWeekday.get(weekday(d.date)) ?? 0;
    if (n === 0) continue;
    for (const [w, sum] of sums) {
      const [wd, code, start] = w.split("|") as [string, string, string];
      if (Number(wd) === weekday(d.date)) out.set(key(d.date, code, Number(start)), sum / n);
    }
  }
  return out;
}

/** How a forecast's counts are grouped before the error is taken. */
export type Grain = "day" | "day_procedure" | "half_hour";

const grouped = (counts: Counts, grain: Grain) => {
  const out = new Map<string, number>();
  for (const [k, n] of counts) {
    const [date, code, start] = k.split("|") as [string, string, string];
    const g =
      grain === "day" ? date : grain === "day_procedure" ? `${date}|${code}` : `${date}|${start}`;
    out.set(g, (out.get(g) ?? 0) + n);
  }
  return out;
};

/** Weighted absolute percentage error: Σ|actual − forecast| / Σ actual, over the grain's cells. */
export function wape(actual: Counts, forecast: Counts, grain: Grain): number {
  const a = grouped(actual, grain);
  const f = grouped(forecast, grain);
  let error = 0;
  let sum = 0;
  for (const k of new Set([...a.keys(), ...f.keys()])) {
    error += Math.abs((a.get(k) ?? 0) - (f.get(k) ?? 0));
    sum += a.get(k) ?? 0;
  }
  return sum > 0 ? error / sum : 0;
}

/** The procedures a forecast speaks of, in the catalogue's order of §8(5), then the phone. */
export const FORECAST_CODES = [...COUNTER_PROCEDURES, "phone"] as const;

const round = (x: number) => Math.round(x * 100) / 100;

/** The forecast as people read it: per day its total and procedures, and each half hour's. */
export function forecastView(demand: readonly DayDemand[]) {
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return demand.map((d) => {
    const procedures: Record<string, number> = {};
    const intervals = d.intervals.map((i) => {
      const byCode: Record<string, number> = { ...i.counter, phone: i.phone };
      for (const [code, n] of Object.entries(byCode))
        procedures[code] = (procedures[code] ?? 0) + n;
      return {
        start: hhmm(i.start),
        total: round(Object.values(byCode).reduce((a, b) => a + b, 0)),
        procedures: Object.fromEntries(Object.entries(byCode).map(([k, v]) => [k, round(v)])),
      };
    });
    return {
      date: d.date,
      total: round(total(d)),
      procedures: Object.fromEntries(Object.entries(procedures).map(([k, v]) => [k, round(v)])),
      intervals,
    };
  });
}
