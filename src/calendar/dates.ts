/** Plain calendar dates (YYYY-MM-DD) and times (HH:MM), computed without time zones. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y!, m!, d!];
}

/** A real date within the years the service can mean (one definition, in the platform). */
export { isValidDate } from "../platform/inputs.ts";

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const [a, b, c] = parts(from);
  const [x, y, z] = parts(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000);
}

/** Which occurrence of its weekday in the month a date is: 1 for the first Thursday, … */
export function weekdayOrdinal(date: string): number {
  return Math.floor((parts(date)[2] - 1) / 7) + 1;
}

export function monthDay(date: string): string {
  return date.slice(5);
}

export function month(date: string): string {
  return date.slice(0, 7);
}

/** A month (YYYY-MM) moved by whole months. */
export function addMonths(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

export function* eachDate(from: string, to: string): Generator<string> {
  for (let date = from; date <= to; date = addDays(date, 1)) yield date;
}

export function minutes(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

export const WEEKDAY_JA = ["日", "月", "火", "水", "木", "金", "土"];
