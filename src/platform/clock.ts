/**
 * The one place that reads the time. A demo, training or test clock (MADOGUCHI_CLOCK) starts at
 * a chosen instant and then runs on at real speed, so schedules behave as on that day.
 */
let offsetMs = 0;

export function startClockAt(instant: Date | undefined): void {
  offsetMs = instant ? instant.getTime() - Date.now() : 0;
}

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function isShifted(): boolean {
  return offsetMs !== 0;
}

export const TOKYO = "Asia/Tokyo";

/** Calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone = TOKYO): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(instant);
}
