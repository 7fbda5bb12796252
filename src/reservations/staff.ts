import { type Actor, auditContext } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { now } from "../platform/clock.ts";
import { type Db, transaction } from "../platform/db/index.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { issueTicket } from "../queue/operations.ts";
import type { Ticket } from "../queue/store.ts";
import { changeReservation } from "./operations.ts";
import { tokyoInstant } from "./slots.ts";
import {
  findReservation,
  type Reservation,
  releasePlace,
  reservationsOfDay,
  updateReservation,
} from "./store.ts";

/** Minutes after the slot's start before a reservation may be marked as not shown up. */
export const NO_SHOW_GRACE_MINUTES = 15;

/** The day's reservations for the counter staff; names and contacts are personal data, so the read is audited. */
export async function dayList(db: Db, actor: Actor, date: string): Promise<Reservation[]> {
  return transaction(db, async (tx) => {
    const rows = await reservationsOfDay(
      tx,
      actor.tenantId,
      tokyoInstant(date, "00:00"),
      new Date(tokyoInstant(date, "00:00").getTime() + 86_400_000),
    );
    await recordAudit(tx, auditContext(actor), {
      action: "reservation.list",
      entity: "reservation",
      change: { date, count: rows.length },
    });
    return rows;
  });
}

async function lockBooked(
  db: Db,
  actor: Actor,
  reservationId: string,
  change: (row: Reservation) => Partial<Reservation>,
  action: string,
  details?: unknown,
) {
  return transaction(db, async (tx) => {
    const row = await findReservation(tx, actor.tenantId, reservationId, true);
    if (!row) throw notFound("予約", "Reservation");
    if (row.status !== "booked")
      throw new DomainError(
        "conflict",
        "not_booked",
        "この予約は受付できる状態ではありません。",
        `The reservation is ${row.status}.`,
      );
    const updated = await updateReservation(tx, row, change(row));
    if (updated.status === "cancelled")
      await releasePlace(tx, row.tenantId, row.groupCode, row.slotStart);
    await recordAudit(tx, auditContext(actor), {
      action,
      entity: "reservation",
      entityId: reservationId,
      change: details,
    });
    return updated;
  });
}

/**
 * 予約者の受付: the reservation becomes a queue ticket ranked by its reservation time, so once that
 * time has come it is called before walk-ins. If the ticket cannot be issued, the check-in is undone.
 */
export async function checkIn(
  db: Db,
  actor: Actor,
  reservationId: string,
): Promise<{ reservation: Reservation; ticket: Ticket }> {
  const reservation = await lockBooked(
    db,
    actor,
    reservationId,
    () => ({ status: "checked_in", checkedInAt: now() }),
    "reservation.check_in",
  );
  try {
    const ticket = await issueTicket(db, actor, {
      procedures: [reservation.procedureCode],
      reservedFor: reservation.slotStart,
    });
    return {
      reservation: await transaction(db, (tx) =>
        updateReservation(tx, reservation, { ticketId: ticket.ticketId }),
      ),
      ticket,
    };
  } catch (error) {
    await transaction(db, (tx) =>
      updateReservation(tx, reservation, { status: "booked", checkedInAt: null }),
    );
    throw error;
  }
}

export async function markNoShow(
  db: Db,
  actor: Actor,
  reservationId: string,
): Promise<Reservation> {
  return lockBooked(
    db,
    actor,
    reservationId,
    (row) => {
      if (now().getTime() < row.slotStart.getTime() + NO_SHOW_GRACE_MINUTES * 60_000) {
        throw new DomainError(
          "conflict",
          "too_early",
          `予約時刻から${NO_SHOW_GRACE_MINUTES}分経つまでは不来所にできません。`,
          `Wait ${NO_SHOW_GRACE_MINUTES} minutes past the reservation time.`,
        );
      }
      return { status: "no_show" };
    },
    "reservation.no_show",
  );
}

export async function cancelByStaff(
  db: Db,
  actor: Actor,
  reservationId: string,
  reason: string,
): Promise<Reservation> {
  if (!reason.trim())
    throw new DomainError(
      "unprocessable",
      "reason_required",
      "取消の理由を入力してください。",
      "Give the reason for cancelling.",
    );
  return lockBooked(
    db,
    actor,
    reservationId,
    () => ({ status: "cancelled", cancelledAt: now() }),
    "reservation.cancel_by_staff",
    { reason },
  );
}

/** Staff move a booking (e.g. at the caller's request), with the reason on record. */
export async function moveByStaff(
  db: Db,
  actor: Actor,
  reservationId: string,
  start: string,
  reason: string,
  publicUrl?: string,
): Promise<Reservation> {
  if (!reason.trim())
    throw new DomainError(
      "unprocessable",
      "reason_required",
      "変更の理由を入力してください。",
      "Give the reason for the move.",
    );
  const row = await findReservation(db, actor.tenantId, reservationId);
  if (!row) throw notFound("予約", "Reservation");
  const moved = await changeReservation(db, actor.tenantId, row.manageToken, start, publicUrl);
  await transaction(db, (tx) =>
    recordAudit(tx, auditContext(actor), {
      action: "reservation.move_by_staff",
      entity: "reservation",
      entityId: reservationId,
      change: { start, reason },
    }),
  );
  return moved;
}
