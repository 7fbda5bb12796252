import { addDays } from "../calendar/dates.ts";
import { calendarRange } from "../calendar/days.ts";
import { now, todayInTokyo, tokyoInstant } from "../platform/clock.ts";
import { DomainError } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { notifyReservation } from "./booking.ts";
import { bookedBetween, claimUnnotified } from "./store.ts";

export interface ClosureImpact {
  date: string;
  counterOpen: boolean;
  booked: number;
  notified: number;
}

const dayRange = (date: string) =>
  [tokyoInstant(date, "00:00"), tokyoInstant(addDays(date, 1), "00:00")] as const;

/** What a closure of a day means for its bookings: how many, and how many have been told. */
export async function closureImpact(ctx: Ctx, { date }: { date: string }): Promise<ClosureImpact> {
  requireAccess(ctx, "reservations.impact");
  const [day] = await calendarRange(ctx.tx, ctx.tenantId, date, date);
  const rows = await bookedBetween(ctx.tx, ctx.tenantId, ...dayRange(date));
  return {
    date,
    counterOpen: Boolean(day?.counter),
    booked: rows.length,
    notified: rows.filter((r) => r.closureNoticeAt).length,
  };
}

/** Which closed day to tell its bookings about, and the base of the links in the notices. */
export interface ClosureNoticeProps {
  date: string;
  publicUrl?: string | undefined;
}

/**
 * After a closure is approved, tells everyone booked that day, in one action. Each booking is
 * claimed and its mail queued in one transaction, so a double click sends nothing twice.
 */
export async function notifyClosure(ctx: Ctx, props: ClosureNoticeProps): Promise<ClosureImpact> {
  requireAccess(ctx, "reservations.manage");
  const [day] = await calendarRange(ctx.tx, ctx.tenantId, props.date, props.date);
  if (day?.counter)
    throw new DomainError(
      "conflict",
      "not_closed",
      "この日は休業になっていません。",
      "The counter is not closed on this day.",
    );
  const claimed = await claimUnnotified(
    ctx.tx,
    ctx.tenantId,
    ...dayRange(props.date),
    "closure",
    now(),
  );
  for (const r of claimed) await notifyReservation(ctx, "closure", r, props.publicUrl);
  await audit(ctx, {
    action: "reservation.notify_closure",
    entity: "reservation",
    change: { date: props.date, count: claimed.length },
  });
  return closureImpact(ctx, { date: props.date });
}

/**
 * The day-before reminders of one tenant: tomorrow's bookings not yet reminded are claimed and
 * their mails queued together (the jobs module runs this for every tenant, every hour).
 */
export async function queueReminders(ctx: Ctx, { publicUrl }: { publicUrl?: string | undefined }) {
  requireAccess(ctx, "jobs.run");
  const tomorrow = addDays(todayInTokyo(), 1);
  const claimed = await claimUnnotified(
    ctx.tx,
    ctx.tenantId,
    ...dayRange(tomorrow),
    "reminder",
    now(),
  );
  for (const r of claimed) {
    await notifyReservation(ctx, "reminder", r, publicUrl);
    await audit(ctx, {
      action: "reservation.remind",
      entity: "reservation",
      entityId: r.reservationId,
    });
  }
  return claimed.length;
}
