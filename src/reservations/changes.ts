import { now } from "../platform/clock.ts";
import { DomainError, notFound, unprocessable } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { alternativesAfter, SlotFull, slotAt } from "./availability.ts";
import { notifyReservation } from "./booking.ts";
import {
  ensureSlot,
  findReservation,
  findReservationByToken,
  type Reservation,
  releasePlace,
  takePlace,
  updateReservation,
} from "./store.ts";

/** A booking after it is made: seen, cancelled or moved through its management link, or moved by staff. */
/** A booking found through its management link (the token is the citizen's key). */
export async function reservationByToken(
  ctx: Ctx,
  { token }: { token: string },
): Promise<Reservation> {
  requireAccess(ctx, "reservations.own");
  const row = await findReservationByToken(ctx.tx, ctx.tenantId, token);
  if (!row) throw notFound("予約", "Reservation");
  return row;
}

/** Which booking: by its management token (the citizen) or its id (staff). */
export type ReservationRef = { token: string } | { reservationId: string };

async function lockRef(ctx: Ctx, ref: ReservationRef) {
  const row =
    "token" in ref
      ? await findReservationByToken(ctx.tx, ctx.tenantId, ref.token, true)
      : await findReservation(ctx.tx, ctx.tenantId, ref.reservationId, true);
  if (!row) throw notFound("予約", "Reservation");
  return row;
}

/** Cancels through the management link, giving the place back to the slot. */
export async function cancelReservation(
  ctx: Ctx,
  props: { token: string; publicUrl?: string | undefined },
): Promise<Reservation> {
  requireAccess(ctx, "reservations.own");
  const row = await lockRef(ctx, props);
  if (row.status !== "booked")
    throw new DomainError(
      "conflict",
      "not_cancellable",
      "この予約は取り消せません。",
      "This reservation cannot be cancelled.",
    );
  await releasePlace(ctx.tx, ctx.tenantId, row.groupCode, row.slotStart);
  const cancelled = await updateReservation(ctx.tx, row, {
    status: "cancelled",
    cancelledAt: now(),
  });
  await notifyReservation(ctx, "cancellation", cancelled, props.publicUrl);
  await audit(ctx, {
    action: "reservation.cancel",
    entity: "reservation",
    entityId: row.reservationId,
  });
  return cancelled;
}

/** 予約の変更: to another slot; staff give a reason, which goes on record. */
export type MoveProps = ReservationRef & {
  start: string;
  reason?: string | undefined;
  publicUrl?: string | undefined;
};

/**
 * Moves a booking to another slot — by the citizen through the management link, or by staff by id
 * with a reason — in one shape: the new place is taken, the old one given back, the person told,
 * and one audit event names who really moved it.
 */
export async function moveReservation(ctx: Ctx, props: MoveProps): Promise<Reservation> {
  const byStaff = "reservationId" in props;
  requireAccess(ctx, byStaff ? "reservations.manage" : "reservations.own");
  if (byStaff && !props.reason?.trim())
    throw unprocessable(
      "reason_required",
      "変更の理由を入力してください。",
      "Give the reason for the move.",
    );
  const row = await lockRef(ctx, props);
  if (row.status !== "booked")
    throw new DomainError(
      "conflict",
      "not_changeable",
      "この予約は変更できません。",
      "This reservation cannot be changed.",
    );
  const target = new Date(props.start);
  const slot = await slotAt(ctx, row.procedureCode, target);
  await ensureSlot(ctx.tx, ctx.tenantId, row.groupCode, target, slot.capacity);
  if (!(await takePlace(ctx.tx, ctx.tenantId, row.groupCode, target)))
    throw new SlotFull(await alternativesAfter(ctx, row.procedureCode, target));
  await releasePlace(ctx.tx, ctx.tenantId, row.groupCode, row.slotStart);
  const moved = await updateReservation(ctx.tx, row, {
    slotStart: target,
    slotEnd: new Date(slot.end),
    remindedAt: null,
    closureNoticeAt: null,
  });
  await notifyReservation(ctx, "change", moved, props.publicUrl);
  await audit(ctx, {
    action: byStaff ? "reservation.move_by_staff" : "reservation.change",
    entity: "reservation",
    entityId: row.reservationId,
    change: { from: row.slotStart.toISOString(), to: props.start, reason: props.reason },
  });
  return moved;
}
