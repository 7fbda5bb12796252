import { now } from "../platform/clock.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { calendarChanged } from "./changes.ts";
import { isValidDate, month, monthEnd } from "./dates.ts";
import { checkRange, loadFacts } from "./days.ts";
import { deleteWeekendOpening, insertWeekendOpening, weekendOpeningsBetween } from "./store.ts";
import { type MonthWarning, validateWeekendDesignation, weekendWarnings } from "./validation.ts";

const monthBounds = (date: string) => {
  const first = `${month(date)}-01`;
  return { first, last: monthEnd(month(date)) };
};

/** 休日開庁日: which weekend day, and whether only reservations are taken then. */
export interface WeekendOpeningProps {
  date: string;
  reservationOnly?: boolean | undefined;
}

export interface DesignationResult {
  date: string;
  designated: boolean;
  warnings: MonthWarning[];
}

/** 休日開庁日の指定 by the city; answers with the month's warnings (none, or more than three). */
export async function designateWeekendOpening(
  ctx: Ctx,
  { date, reservationOnly = false }: WeekendOpeningProps,
): Promise<DesignationResult> {
  requireAccess(ctx, "calendar.designate");
  const { first, last } = monthBounds(date);
  const tx = ctx.tx;
  const facts = await loadFacts(tx, ctx.tenantId, first, last);
  validateWeekendDesignation(date, facts);
  await insertWeekendOpening(tx, {
    tenantId: ctx.tenantId,
    date,
    reservationOnly,
    designatedBy: ctx.actor.userId,
    designatedAt: now(),
  });
  await audit(ctx, {
    action: "calendar.weekend_designate",
    entity: "weekend_opening",
    entityId: date,
    change: { reservationOnly },
  });
  await calendarChanged(ctx);
  const after = new Set([...facts.weekendOpenings, date]);
  return {
    date,
    designated: true,
    warnings: weekendWarnings({ ...facts, weekendOpenings: after }, first, last),
  };
}

export async function cancelWeekendOpening(
  ctx: Ctx,
  { date }: { date: string },
): Promise<DesignationResult> {
  requireAccess(ctx, "calendar.designate");
  if (!isValidDate(date))
    throw new DomainError(
      "bad_request",
      "invalid_date",
      "日付が正しくありません。",
      "The date is not valid.",
    );
  const { first, last } = monthBounds(date);
  const tx = ctx.tx;
  if (!(await deleteWeekendOpening(tx, ctx.tenantId, date)))
    throw notFound("休日開庁日", "Weekend opening");
  await audit(ctx, {
    action: "calendar.weekend_cancel",
    entity: "weekend_opening",
    entityId: date,
  });
  await calendarChanged(ctx);
  const facts = await loadFacts(tx, ctx.tenantId, first, last);
  return { date, designated: false, warnings: weekendWarnings(facts, first, last) };
}

export async function weekendOpeningsWithWarnings(
  ctx: Ctx,
  { from, to }: { from: string; to: string },
) {
  requireAccess(ctx, "calendar.read");
  const db = ctx.tx;
  const tenantId = ctx.tenantId;
  checkRange(from, to);
  const facts = await loadFacts(db, tenantId, from, to);
  const rows = await weekendOpeningsBetween(db, tenantId, from, to);
  return {
    openings: rows.map((r) => ({ date: r.date, reservationOnly: r.reservationOnly })),
    warnings: weekendWarnings(facts, `${month(from)}-01`, monthBounds(to).last),
  };
}
