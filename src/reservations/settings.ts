import { now } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { DomainError } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { DEFAULT_RESERVATION_SETTINGS, type ReservationSettings } from "./slots.ts";
import { findReservationSettings, saveReservationSettings, setSlotCapacity } from "./store.ts";

/** The tenant's reservation settings over the defaults. */
export async function reservationSettingsOf(
  db: Executor,
  tenantId: string,
): Promise<ReservationSettings> {
  return {
    ...DEFAULT_RESERVATION_SETTINGS,
    ...((await findReservationSettings(db, tenantId)) as Partial<ReservationSettings> | undefined),
  };
}

export function checkReservationSettings(s: ReservationSettings): void {
  const ok =
    [15, 20, 30, 60].includes(s.slotMinutes) &&
    s.openDaysAhead >= 1 &&
    s.openDaysAhead <= 120 &&
    s.closeHoursBefore >= 0 &&
    s.closeHoursBefore <= 72 &&
    s.maxFuturePerPerson >= 1 &&
    s.maxFuturePerPerson <= 10 &&
    s.reservableCounters >= 1 &&
    s.reservableCounters <= 20 &&
    s.purgeAfterDays >= 1 &&
    s.purgeAfterDays <= 365 &&
    Object.values(s.capacityByGroup).every((c) => Number.isInteger(c) && c >= 0 && c <= 50) &&
    s.placeJa.length <= 200 &&
    s.placeEn.length <= 200 &&
    // A link citizens will tap: only https, so a setting cannot smuggle in a script URL.
    (s.mapUrl === "" || (/^https:\/\/[^\s]+$/.test(s.mapUrl) && s.mapUrl.length <= 500));
  if (!ok)
    throw new DomainError(
      "unprocessable",
      "invalid_settings",
      "予約の設定値が範囲外です。",
      "A reservation setting is out of range.",
    );
}

export async function updateReservationSettings(
  ctx: Ctx,
  settings: ReservationSettings,
): Promise<ReservationSettings> {
  requireAccess(ctx, "queue.configure");
  checkReservationSettings(settings);
  await saveReservationSettings(ctx.tx, ctx.tenantId, { ...settings }, ctx.actor.userId, now());
  await audit(ctx, {
    action: "reservation.settings_update",
    entity: "reservation_settings",
    entityId: ctx.tenantId,
    change: settings,
  });
  return settings;
}

/** The places of one slot: which group, which start, how many. */
export interface CapacityProps {
  groupCode: string;
  start: string;
  capacity: number;
}

/** The manager sets the places of one slot (the staffing plan may raise or lower them later). */
export async function setCapacity(ctx: Ctx, props: CapacityProps): Promise<void> {
  requireAccess(ctx, "queue.configure");
  const { groupCode, start, capacity } = props;
  if (!(await setSlotCapacity(ctx.tx, ctx.tenantId, groupCode, new Date(start), capacity))) {
    throw new DomainError(
      "conflict",
      "below_booked",
      "既に予約されている数より少なくはできません。",
      "Capacity cannot go below the places already booked.",
    );
  }
  await audit(ctx, {
    action: "reservation.capacity_set",
    entity: "slot",
    entityId: `${groupCode}@${start}`,
    change: { capacity },
  });
}

export async function reservationSettings(ctx: Ctx): Promise<ReservationSettings> {
  requireAccess(ctx, "reservations.manage");
  return reservationSettingsOf(ctx.tx, ctx.tenantId);
}
