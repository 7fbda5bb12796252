import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The one place that reads the time. A demo, training or test clock (MADOGUCHI_CLOCK) starts at
 * a chosen instant and then runs on at real speed, so schedules behave as on that day.
 */
let offsetMs = 0;

export function startClockAt(instant: Date | undefined): void {
  offsetMs = instant ? instant.getTime() - Date.now() : 0;
}

/** A clock that one piece of work moves by hand (a replay of past days), set with `runOnClock`. */
export interface SteppedClock {
  at: number;
}
const stepped = new AsyncLocalStorage<SteppedClock>();

/**
 * Runs work on its own clock: `now()` inside it (and in everything it awaits) reads `clock.at`,
 * while requests served meanwhile by the same process keep the real (or demo) time.
 */
export function runOnClock<T>(clock: SteppedClock, work: () => Promise<T>): Promise<T> {
  return stepped.run(clock, work);
}

export function now(): Date {
  const own = stepped.getStore();
  return new Date(own ? own.at : Date.now() + offsetMs);
}

export function isShifted(): boolean {
  return offsetMs !== 0;
}

export const TOKYO = "Asia/Tokyo";

// Building an Intl formatter costs far more than using one; every request asks for the date.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "date" | "time", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    made =
      kind === "date"
        ? new Intl.DateTimeFormat("en-CA", { timeZone })
        : new Intl.DateTimeFormat("en-GB", {
            timeZone,
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
          });
    formatters.set(key, made);
  }
  return made;
}

/** Calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone = TOKYO): string {
  return formatter("date", timeZone).format(instant);
}

/** Today's date in Japan (YYYY-MM-DD), by the clock module: the service day, a roster's "today". */
export function todayInTokyo(): string {
  return localDate(now());
}

/** Time of day (HH:MM, 24 h) of an instant in Tokyo. */
export function localTime(instant: Date, timeZone = TOKYO): string {
  return formatter("time", timeZone).format(instant);
}

/** An instant from a date and a Tokyo time of day (HH:MM): the one place the +09:00 is written. */
export function tokyoInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+09:00`);
}

/** An instant written in Japan time with its offset, e.g. 2026-08-04T10:00:00+09:00 (Japan keeps no summer time). */
export function tokyoIso(instant: Date): string {
  return `${new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}
