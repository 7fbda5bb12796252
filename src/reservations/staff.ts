import type { AuditEntry } from "../platform/audit/store.ts";
import { localDate, now, tokyoInstant } from "../platform/clock.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { type IssuedTicket, issueTicket } from "../queue/issue.ts";
import type { Ticket } from "../queue/store.ts";
import {
  findReservation,
  findReservationByCode,
  type Reservation,
  releasePlace,
  reservationsOfDay,
  updateReservation,
} from "./store.ts";

/** Minutes after the slot's start before a reservation may be marked as not shown up. */
export const NO_SHOW_GRACE_MINUTES = 15;

/** The day's reservations for the counter staff; names and contacts are personal data, so the read is audited. */
export async function dayList(ctx: Ctx, { date }: { date: string }): Promise<Reservation[]> {
  requireAccess(ctx, "reservations.manage");
  const from = tokyoInstant(date, "00:00");
  const rows = await reservationsOfDay(
    ctx.tx,
    ctx.tenantId,
    from,
    new Date(from.getTime() + 86_400_000),
  );
  await audit(ctx, {
    action: "reservation.list",
    entity: "reservation",
    change: { date, count: rows.length },
  });
  return rows;
}

/** The reservation a staff step acts on. */
export interface ReservationProps {
  reservationId: string;
}

/** Locks a booking that is still `booked`, or refuses: a step on it happens once. */
async function lockBooked(ctx: Ctx, reservationId: string): Promise<Reservation> {
  const row = await findReservation(ctx.tx, ctx.tenantId, reservationId, true);
  if (!row) throw notFound("予約", "Reservation");
  if (row.status !== "booked") throw notBooked(row);
  return row;
}

export const notBooked = (row: Reservation) =>
  new DomainError(
    "conflict",
    "not_booked",
    "この予約は受付できる状態ではありません。",
    `The reservation is ${row.status}.`,
  );

export const noBookingToday = () =>
  new DomainError(
    "not_found",
    "reservation_not_found_today",
    "本日の予約が見つかりません。予約番号をご確認いただくか、窓口にお声がけください。",
    "No booking for today has that code. Check the code, or ask at the counter.",
  );

/** Only a booking for today that is still booked is checked in at the kiosk by its code. */
export const checksInToday = (row: Reservation | undefined, at: Date): row is Reservation =>
  row !== undefined && localDate(row.slotStart) === localDate(at) && row.status === "booked";

export const checkedInPatch = (ticketId: string, at: Date): Partial<Reservation> => ({
  status: "checked_in",
  checkedInAt: at,
  ticketId,
});

export const checkedInAudit = (reservationId: string, ticketId: string): AuditEntry => ({
  action: "reservation.check_in",
  entity: "reservation",
  entityId: reservationId,
  change: { ticketId },
});

/** 不来所 only once the grace after the slot's start is over. */
export function requireNoShowDue(row: Reservation, at: Date): void {
  if (at.getTime() < row.slotStart.getTime() + NO_SHOW_GRACE_MINUTES * 60_000) {
    throw new DomainError(
      "conflict",
      "too_early",
      `予約時刻から${NO_SHOW_GRACE_MINUTES}分経つまでは不来所にできません。`,
      `Wait ${NO_SHOW_GRACE_MINUTES} minutes past the reservation time.`,
    );
  }
}

export const noShowAudit = (reservationId: string): AuditEntry => ({
  action: "reservation.no_show",
  entity: "reservation",
  entityId: reservationId,
});

/**
 * 予約者の受付: the reservation becomes a queue ticket ranked by its reservation time, so once that
 * time has come it is called before walk-ins. Both in one transaction: if the queue refuses the
 * ticket (say, before opening), nothing of the check-in remains — not even its audit event.
 */
export async function checkIn(
  ctx: Ctx,
  { reservationId }: ReservationProps,
): Promise<{ reservation: Reservation; ticket: Ticket }> {
  requireAccess(ctx, "reservations.manage");
  return checkInBooked(ctx, await lockBooked(ctx, reservationId));
}

/**
 * 予約の方の受付 at the kiosk: the person types (or scans) the code from their confirmation. Only
 * a booking for today that is still booked is taken; the answer is the ticket, nothing personal.
 */
export async function checkInByCode(
  ctx: Ctx,
  { code }: { code: string },
): Promise<{ reservation: Reservation; ticket: IssuedTicket }> {
  requireAccess(ctx, "reservations.self_check_in");
  const row = await findReservationByCode(ctx.tx, ctx.tenantId, code.trim().toUpperCase());
  if (!checksInToday(row, now())) throw noBookingToday();
  return checkInBooked(ctx, row);
}

async function checkInBooked(
  ctx: Ctx,
  row: Reservation,
): Promise<{ reservation: Reservation; ticket: IssuedTicket }> {
  const reservationId = row.reservationId;
  const ticket = await issueTicket(ctx, {
    procedures: [row.procedureCode],
    reservedFor: row.slotStart,
  });
  const reservation = await updateReservation(ctx.tx, row, checkedInPatch(ticket.ticketId, now()));
  await audit(ctx, checkedInAudit(reservationId, ticket.ticketId));
  return { reservation, ticket };
}

export async function markNoShow(
  ctx: Ctx,
  { reservationId }: ReservationProps,
): Promise<Reservation> {
  requireAccess(ctx, "reservations.manage");
  const row = await lockBooked(ctx, reservationId);
  requireNoShowDue(row, now());
  const updated = await updateReservation(ctx.tx, row, { status: "no_show" });
  await audit(ctx, noShowAudit(reservationId));
  return updated;
}

/** 取消 by staff: the reason is required and kept in the audit trail. */
export interface StaffCancelProps extends ReservationProps {
  reason: string;
}

export async function cancelByStaff(ctx: Ctx, props: StaffCancelProps): Promise<Reservation> {
  requireAccess(ctx, "reservations.manage");
  if (!props.reason.trim())
    throw new DomainError(
      "unprocessable",
      "reason_required",
      "取消の理由を入力してください。",
      "Give the reason for cancelling.",
    );
  const row = await lockBooked(ctx, props.reservationId);
  const updated = await updateReservation(ctx.tx, row, { status: "cancelled", cancelledAt: now() });
  await releasePlace(ctx.tx, row.tenantId, row.groupCode, row.slotStart);
  await audit(ctx, {
    action: "reservation.cancel_by_staff",
    entity: "reservation",
    entityId: props.reservationId,
    change: { reason: props.reason },
  });
  return updated;
}
