import { addDays, minutes, weekday } from "../calendar/dates.ts";
import type { BusinessDay, Window } from "../calendar/rules.ts";

/**
 * Expected demand (需要予測) per 30-minute interval: people arriving at the counter per procedure,
 * and phone calls. Pure. Learned from the tenant's service records when there are eight weeks or
 * more of them; otherwise the reference monthly volumes (§8(5)) spread by the default profile
 * documented here.
 */
export const INTERVAL_MINUTES = 30;

export interface IntervalDemand {
  /** Minutes from midnight (Tokyo) where the interval starts. */
  start: number;
  /** Expected arrivals in the interval, per procedure code. */
  counter: Record<string, number>;
  /** Expected phone calls in the interval (0 outside phone hours). */
  phone: number;
  /** Inside the counter's hours (arrivals may be 0 at a quiet moment, still open). */
  counterOpen: boolean;
  phoneOpen: boolean;
  /** The interval's length: 30, or less where a window closes inside it (the phone's 17:00–17:15). */
  minutes: number;
}

export interface DayDemand {
  date: string;
  kind: BusinessDay["kind"];
  intervals: IntervalDemand[];
}

/** The counter procedures of §8(5); setup (交付前設定) is back-office and phone is the phone line. */
export const COUNTER_PROCEDURES = [
  "handover",
  "ecert",
  "pin_reset",
  "insurance_fund",
  "application",
  "express",
] as const;

/**
 * The default profile (used without history). Mondays are busiest; the day after a holiday and
 * the last three business days of a month are busier; the morning peaks and the lunch hour dips;
 * a weekend opening (9–12) is as busy per hour as a Monday morning; an extended evening (the 1st
 * and 3rd Thursday) sees people after work.
 */
export const DEFAULT_PROFILE = {
  weekday: [0, 1.25, 1.05, 0.95, 0.95, 1.0, 0] as const,
  weekendOpening: 1.6,
  dayAfterHoliday: 1.2,
  monthEnd: 1.15,
  monthEndDays: 3,
  /** Weight of each half hour from 08:30 (17 of them to 17:00). */
  counterHalfHours: [
    0.8, 1.3, 1.45, 1.4, 1.25, 1.05, 0.8, 0.75, 0.95, 1.1, 1.05, 1.0, 0.95, 0.9, 0.8, 0.7, 0.5,
  ] as const,
  /** Weight of a half hour of an extended evening, relative to an average daytime one. */
  evening: 0.75,
  /** Weight of each half hour of the phone line from 08:30; later ones take the last. */
  phoneHalfHours: [
    1.3, 1.5, 1.4, 1.2, 1.1, 1.0, 0.7, 0.7, 1.0, 1.0, 0.9, 0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4,
  ] as const,
} as const;

const windowsOf = (day: BusinessDay): Window[] =>
  [day.counter, ...(day.extraSessions ?? [])].filter((w): w is Window => w !== null);

/** The half hours a window covers, as start minutes. */
function halfHours(window: Window): number[] {
  const out: number[] = [];
  for (let t = minutes(window.open); t < minutes(window.close); t += INTERVAL_MINUTES) out.push(t);
  return out;
}

/** How much of the half hour from `start` lies inside the window. */
const lengthIn = (window: Window | null, start: number) =>
  window ? Math.max(0, Math.min(INTERVAL_MINUTES, minutes(window.close) - start)) : 0;

/** The day's weight among the month's days, from the calendar alone. */
function dayWeight(day: BusinessDay, days: readonly BusinessDay[]): number {
  if (day.kind === "weekend_opening") return DEFAULT_PROFILE.weekendOpening * 0.35;
  let w = DEFAULT_PROFILE.weekday[weekday(day.date)] ?? 1;
  const dayBefore = addDays(day.date, -1);
  const before = days.find((d) => d.date === dayBefore);
  if (before && before.kind === "holiday") w *= DEFAULT_PROFILE.dayAfterHoliday;
  const open = days.filter(
    (d) => d.counter && d.kind !== "weekend_opening" && d.date.slice(0, 7) === day.date.slice(0, 7),
  );
  const rank = open.length - open.findIndex((d) => d.date === day.date);
  if (rank <= DEFAULT_PROFILE.monthEndDays) w *= DEFAULT_PROFILE.monthEnd;
  return w;
}

function counterWeights(day: BusinessDay): Map<number, number> {
  const weights = new Map<number, number>();
  const main = day.counter ? minutes(day.counter.open) : 0;
  for (const window of windowsOf(day))
    for (const start of halfHours(window)) {
      const index = Math.round((start - main) / INTERVAL_MINUTES);
      const inDay = DEFAULT_PROFILE.counterHalfHours[index];
      // A part of a half hour draws its part of the arrivals.
      const part = lengthIn(window, start) / INTERVAL_MINUTES;
      weights.set(start, (inDay ?? DEFAULT_PROFILE.evening) * part);
    }
  return weights;
}

/**
 * Demand from the reference monthly volumes (§8(5)): each procedure's month spread over the open
 * days by their weight and over each day's half hours by the profile; phone calls likewise over
 * the phone hours.
 */
export function referenceDemand(
  days: readonly BusinessDay[],
  monthlyVolumes: Readonly<Record<string, number>>,
): DayDemand[] {
  const open = days.filter((d) => d.counter || d.phone);
  const weights = new Map(open.map((d) => [d.date, dayWeight(d, days)]));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  return open.map((day) => {
    const share = weights.get(day.date)! / totalWeight;
    const counter = counterWeights(day);
    const counterSum = [...counter.values()].reduce((a, b) => a + b, 0) || 1;
    const phoneStarts = day.phone ? halfHours(day.phone) : [];
    const phoneWeights = phoneStarts.map(
      (start, i) =>
        (DEFAULT_PROFILE.phoneHalfHours[i] ?? DEFAULT_PROFILE.phoneHalfHours.at(-1)!) *
        (lengthIn(day.phone, start) / INTERVAL_MINUTES),
    );
    const phoneSum = phoneWeights.reduce((a, b) => a + b, 0) || 1;
    const starts = [...new Set([...counter.keys(), ...phoneStarts])].sort((a, b) => a - b);
    return {
      date: day.date,
      kind: day.kind,
      intervals: starts.map((start) => {
        const w = counter.get(start);
        const p = phoneStarts.indexOf(start);
        return {
          start,
          counterOpen: w !== undefined,
          phoneOpen: p >= 0,
          minutes: Math.max(
            lengthIn(day.phone, start),
            ...windowsOf(day).map((window) => lengthIn(window, start)),
          ),
          counter: Object.fromEntries(
            COUNTER_PROCEDURES.map((code) => [
              code,
              w === undefined ? 0 : ((monthlyVolumes[code] ?? 0) * share * w) / counterSum,
            ]),
          ),
          phone: p >= 0 ? ((monthlyVolumes.phone ?? 0) * share * phoneWeights[p]!) / phoneSum : 0,
        };
      }),
    };
  });
}

/** One served visit or call, as the service records keep it (enough to learn from). */
export interface ServedRecord {
  serviceDay: string;
  procedureCode: string;
  channel: "counter" | "phone";
  /** When the person arrived (ticket issued) or the call began, minutes from midnight. */
  arrivedAt: number;
  /** Minutes at the counter or on the phone. */
  serviceMinutes: number;
}

/** Eight weeks of service days: less than that and the reference volumes are the better guess. */
export const HISTORY_DAYS_NEEDED = 40;

/**
 * Demand learned from history: each weekday's arrivals per half hour and procedure averaged over
 * the weeks seen, times the effects measured in the same history (the day after a holiday, the
 * month's last business days). Null when the history is too short to learn from.
 */
export function learnedDemand(
  days: readonly BusinessDay[],
  history: readonly ServedRecord[],
  historyDays: readonly BusinessDay[],
): DayDemand[] | null {
  const served = new Set(history.map((r) => r.serviceDay));
  if (served.size < HISTORY_DAYS_NEEDED) return null;
  // Per day, not per record: a day's weight looks through the whole range of days.
  const factors = new Map<string, number>();
  const factor = (d: BusinessDay, all: readonly BusinessDay[]) => {
    const key = `${all === days ? "m" : "h"}|${d.date}`;
    let f = factors.get(key);
    if (f === undefined) {
      f = dayWeight(d, all) / (DEFAULT_PROFILE.weekday[weekday(d.date)] || 1);
      factors.set(key, f);
    }
    return f;
  };
  // Per weekday and half hour: arrivals per procedure, with each day's calendar effect taken out.
  const sums = new Map<string, number>();
  const dayCount = new Map<number, number>();
  const historyByDate = new Map(historyDays.map((d) => [d.date, d]));
  for (const date of served) {
    const d = historyByDate.get(date);
    if (!d || d.kind === "weekend_opening") continue;
    dayCount.set(weekday(date), (dayCount.get(weekday(date)) ?? 0) + 1);
  }
  for (const r of history) {
    const d = historyByDate.get(r.serviceDay);
    if (!d) continue;
    const wd = d.kind === "weekend_opening" ? 7 : weekday(r.serviceDay);
    const slot = Math.floor(r.arrivedAt / INTERVAL_MINUTES) * INTERVAL_MINUTES;
    const key = `${wd}|${slot}|${r.channel === "phone" ? "phone" : r.procedureCode}`;
    sums.set(key, (sums.get(key) ?? 0) + 1 / factor(d, historyDays));
  }
  const weekendDays = [...served].filter(
    (s) => historyByDate.get(s)?.kind === "weekend_opening",
  ).length;
  const perDay = (wd: number) => (wd === 7 ? weekendDays : (dayCount.get(wd) ?? 0)) || 1;
  const reference = referenceDemand(days, {});
  return reference.map((dayDemand) => {
    const d = days.find((x) => x.date === dayDemand.date)!;
    const wd = d.kind === "weekend_opening" ? 7 : weekday(d.date);
    const f = factor(d, days);
    return {
      ...dayDemand,
      intervals: dayDemand.intervals.map((i) => ({
        ...i,
        counter: Object.fromEntries(
          COUNTER_PROCEDURES.map((code) => [
            code,
            i.counterOpen ? ((sums.get(`${wd}|${i.start}|${code}`) ?? 0) / perDay(wd)) * f : 0,
          ]),
        ),
        phone: i.phoneOpen ? ((sums.get(`${wd}|${i.start}|phone`) ?? 0) / perDay(wd)) * f : 0,
      })),
    };
  });
}

/** A service-time distribution: mean minutes and coefficient of variation (lognormal). */
export interface ServiceTime {
  meanMinutes: number;
  cv: number;
}

/**
 * Service times per procedure (and "phone") from the records, where there are 30 or more; else
 * the catalogue's standard minutes with a coefficient of variation of 0.5.
 */
export function serviceTimes(
  history: readonly ServedRecord[],
  standardMinutes: Readonly<Record<string, number>>,
): Record<string, ServiceTime> {
  const out: Record<string, ServiceTime> = {};
  const codes = new Set([
    ...Object.keys(standardMinutes),
    ...history.map((r) => (r.channel === "phone" ? "phone" : r.procedureCode)),
  ]);
  for (const code of codes) {
    const xs = history
      .filter((r) => (r.channel === "phone" ? "phone" : r.procedureCode) === code)
      .map((r) => r.serviceMinutes)
      .filter((m) => m > 0);
    if (xs.length >= 30) {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
      out[code] = { meanMinutes: mean, cv: Math.sqrt(variance) / mean };
    } else out[code] = { meanMinutes: standardMinutes[code] ?? 10, cv: 0.5 };
  }
  return out;
}
