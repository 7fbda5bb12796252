import type { Executor } from "../platform/db/index.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { daysBetween, eachDate, isValidDate } from "./dates.ts";
import { type BusinessDay, businessDay, type CalendarFacts, DEFAULT_SETTINGS } from "./rules.ts";
import {
  exceptionsBetween,
  findSettings,
  toCalendarException,
  weekendOpeningsBetween,
} from "./store.ts";

/** 業務カレンダー as other domains and readers ask it: the business days of a range. */
/** The longest range one request may ask for: a contract year and a little more. */
export const MAX_RANGE_DAYS = 400;

export function checkRange(from: string, to: string): void {
  if (!isValidDate(from) || !isValidDate(to) || to < from) {
    throw new DomainError(
      "bad_request",
      "invalid_range",
      "期間の指定が正しくありません。",
      "The date range is not valid.",
    );
  }
  if (daysBetween(from, to) > MAX_RANGE_DAYS) {
    throw new DomainError(
      "bad_request",
      "range_too_long",
      `期間は${MAX_RANGE_DAYS}日以内で指定してください。`,
      `Ask for at most ${MAX_RANGE_DAYS} days.`,
    );
  }
}

/** Everything the rules need for a range of dates, read in one go. */
export async function loadFacts(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<CalendarFacts> {
  const tenant = await findTenant(db, tenantId);
  if (!tenant) throw notFound("自治体", "Tenant");
  const settings = await findSettings(db, tenantId);
  const openings = await weekendOpeningsBetween(db, tenantId, from, to);
  const exceptions = await exceptionsBetween(db, tenantId, { from, to, status: "approved" });
  return {
    serviceStart: tenant.serviceStart,
    contractEnd: tenant.contractEnd,
    settings: settings ?? DEFAULT_SETTINGS,
    weekendOpenings: new Set(openings.map((o) => o.date)),
    reservationOnly: new Set(openings.filter((o) => o.reservationOnly).map((o) => o.date)),
    exceptions: exceptions.map(toCalendarException),
  };
}

export async function calendarRange(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<BusinessDay[]> {
  checkRange(from, to);
  const facts = await loadFacts(db, tenantId, from, to);
  return [...eachDate(from, to)].map((date) => businessDay(date, facts));
}

export async function businessDayOf(
  db: Executor,
  tenantId: string,
  date: string,
): Promise<BusinessDay> {
  const facts = await loadFacts(db, tenantId, date, date);
  return businessDay(date, facts);
}

/** The calendar of a range, for signed-in users and the public pages alike (no personal data). */
export async function calendarDays(ctx: Ctx, { from, to }: { from: string; to: string }) {
  requireAccess(ctx, "calendar.read");
  return calendarRange(ctx.tx, ctx.tenantId, from, to);
}

/** The days of a range with the tenant's name, for the iCalendar feed. */
export async function calendarFeedDays(ctx: Ctx, range: { from: string; to: string }) {
  const days = await calendarDays(ctx, range);
  const tenant = (await findTenant(ctx.tx, ctx.tenantId))!;
  return { days, nameJa: tenant.nameJa };
}
