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
 * all the history; the month's total from the latest month the records reach. The volumes are
 * monthly (§8(5)): a month of 22 business days spreads its people thinner than one of 18, so a
 * day's level does not carry over, the month's total does. A month the records reach only part
 * of counts by its part: what came so far over the share of the month's shape that has passed
 * (a plan made on the 15th reads half a month; taken as the month's total, it halved the next).
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
  const monthTotal = latestMonthTotal(history, historyDays);
  const expected = shape.reduce((s, d) => s + total(d), 0);
  if (monthTotal === null || expected <= 0) return shape;
  const level = monthTotal / expected;
  return shape.map((d) => ({
    ...d,
    intervals: d.intervals.map((i) => ({
      ...i,
      phone: i.phone * level,
      counter: Object.fromEntries(Object.entries(i.counter).map(([k, v]) => [k, v * level])),
    })),
  }));
}

/** Under this share of its month passed, a month's part says too little: the month before. */
const LEAST_PART = 0.3;

/** The total of the latest month the records reach: whole, or grossed up from its part. */
function latestMonthTotal(
  history: readonly ServedRecord[],
  historyDays: readonly BusinessDay[],
): number | null {
  let lastServed = "";
  for (const r of history) if (r.serviceDay > lastServed) lastServed = r.serviceDay;
  if (!lastServed) return null;
  const month = lastServed.slice(0, 7);
  const came = (m: string) => history.filter((r) => r.serviceDay.startsWith(m)).length;
  const lastDay = historyDays.at(-1)?.date ?? lastServed;
  // The calendar stops inside the month: its share passed is not known, the month before is.
  if (lastDay.startsWith(month) && addDays(lastDay, 1).startsWith(month)) {
    const before = addMonths(month, -1);
    return came(before) > 0 ? came(before) : null;
  }
  const byDay = new Map(
    (learnedDemand(historyDays, history, historyDays) ?? []).map((d) => [d.date, total(d)]),
  );
  let all = 0;
  let passed = 0;
  for (const [date, n] of byDay)
    if (date.startsWith(month)) {
      all += n;
      if (date <= lastServed) passed += n;
    }
  if (all <= 0) return null;
  if (passed / all >= LEAST_PART) return came(month) / (passed / all);
  const before = addMonths(month, -1);
  return came(before) > 0 ? came(before) : null;
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
