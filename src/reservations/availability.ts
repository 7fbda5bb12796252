import { addDays } from "../calendar/dates.ts";
import { calendarRange } from "../calendar/days.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import { localDate, now, todayInTokyo, tokyoInstant, tokyoIso } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { DomainError, notFound, unprocessable } from "../platform/errors.ts";
import { type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { isServable } from "../queue/catalogue.ts";
import { listProcedures } from "../queue/store.ts";
import { reservationSettingsOf } from "./settings.ts";
import { bookable, defaultCapacity, type ReservationSettings, slotsOfDay } from "./slots.ts";
import { slotCountsBetween } from "./store.ts";

/** What can be booked: slots from the calendar with the places left, and the procedures. */
export interface SlotView {
  start: string;
  end: string;
  capacity: number;
  remaining: number;
}

export async function procedureOf(db: Executor, tenantId: string, code: string) {
  const procedure = (await listProcedures(db, tenantId)).find(
    (p) => p.code === code && isServable(p),
  );
  if (!procedure)
    throw new DomainError(
      "unprocessable",
      "unknown_procedure",
      "予約できない手続です。",
      `Procedure cannot be booked: ${code}`,
    );
  return procedure;
}

/** The slots of a procedure between two dates that can be booked now, with the places left. */
export async function availableSlots(
  db: Executor,
  tenantId: string,
  procedureCode: string,
  from: string,
  to: string,
  given?: ReservationSettings,
): Promise<SlotView[]> {
  const settings = given ?? (await reservationSettingsOf(db, tenantId));
  const procedure = await procedureOf(db, tenantId, procedureCode);
  const capacity = defaultCapacity(settings, procedure.standardMinutes, procedure.groupCode);
  const at = now();
  const days = await calendarRange(db, tenantId, from, to);
  const counts = await slotCountsBetween(
    db,
    tenantId,
    procedure.groupCode,
    tokyoInstant(from, "00:00"),
    tokyoInstant(addDays(to, 1), "00:00"),
  );
  return slotViews({ days, settings, capacity, counts, at });
}

/**
 * The bookable slots of some days with the places left: the calendar's slots, bookable now, each
 * with its own capacity once anyone has booked it (else the default). Pure.
 */
export function slotViews(props: {
  days: readonly BusinessDay[];
  settings: ReservationSettings;
  capacity: number;
  counts: readonly { slotStart: Date; capacity: number; booked: number }[];
  at: Date;
}): SlotView[] {
  const { settings, at } = props;
  const byStart = new Map(props.counts.map((c) => [c.slotStart.getTime(), c]));
  return props.days.flatMap((day) =>
    slotsOfDay(day, settings.slotMinutes)
      .map((slot) => ({
        start: tokyoInstant(day.date, slot.start),
        end: tokyoInstant(day.date, slot.end),
      }))
      .filter((slot) => bookable(slot.start, at, settings))
      .map((slot) => {
        const count = byStart.get(slot.start.getTime());
        const cap = count?.capacity ?? props.capacity;
        return {
          start: tokyoIso(slot.start),
          end: tokyoIso(slot.end),
          capacity: cap,
          remaining: Math.max(0, cap - (count?.booked ?? 0)),
        };
      }),
  );
}

export class SlotFull extends DomainError {
  constructor(alternatives: SlotView[]) {
    super(
      "conflict",
      "slot_full",
      "この時間帯は満席になりました。別の時間をお選びください。",
      "This time is now full. Please choose another.",
      { alternatives },
    );
  }
}

/** The next free times after a slot that filled up: offered with the refusal. */
export async function alternativesAfter(ctx: Ctx, procedure: string, start: Date) {
  const day = localDate(start);
  const later = await availableSlots(ctx.tx, ctx.tenantId, procedure, day, addDays(day, 7));
  return later.filter((s) => s.remaining > 0 && new Date(s.start) > start).slice(0, 5);
}

export async function slotAt(
  ctx: Ctx,
  procedure: string,
  start: Date,
  settings?: ReservationSettings,
) {
  const day = localDate(start);
  const slot = (await availableSlots(ctx.tx, ctx.tenantId, procedure, day, day, settings)).find(
    (s) => new Date(s.start).getTime() === start.getTime(),
  );
  if (!slot) throw notASlot();
  return slot;
}

export const notASlot = () =>
  unprocessable("not_a_slot", "予約できる時間ではありません。", "That time cannot be booked.");

export async function requireTenant(ctx: Ctx) {
  if (!(await findTenant(ctx.tx, ctx.tenantId))) throw notFound("自治体", "Tenant");
}

/** The slots of a procedure a citizen can book between two days (default: from today, as far as booking is open). */
export async function slotsForBooking(
  ctx: Ctx,
  props: { procedure: string; from?: string | undefined; to?: string | undefined },
): Promise<SlotView[]> {
  requireAccess(ctx, "reservations.own");
  await requireTenant(ctx);
  const settings = await reservationSettingsOf(ctx.tx, ctx.tenantId);
  const today = todayInTokyo();
  const from = props.from ?? today;
  const to = props.to ?? addDays(today, settings.openDaysAhead);
  return availableSlots(ctx.tx, ctx.tenantId, props.procedure, from, to, settings);
}

/** Where to come (来庁案内): the office's name, the place in it and a map link, for citizens. */
export async function visitInfo(ctx: Ctx) {
  requireAccess(ctx, "reservations.own");
  const tenant = await findTenant(ctx.tx, ctx.tenantId);
  if (!tenant) throw notFound("自治体", "Tenant");
  const { placeJa, placeEn, mapUrl } = await reservationSettingsOf(ctx.tx, ctx.tenantId);
  return { officeJa: tenant.nameJa, officeEn: tenant.nameEn, placeJa, placeEn, mapUrl };
}

/** Procedures that can be booked (served at the counter, not retired). */
export async function bookableProcedures(ctx: Ctx) {
  requireAccess(ctx, "reservations.own");
  await requireTenant(ctx);
  return (await listProcedures(ctx.tx, ctx.tenantId))
    .filter(isServable)
    .map(({ code, nameJa, nameEn, standardMinutes, bringJa, bringEn }) => ({
      code,
      nameJa,
      nameEn,
      standardMinutes,
      bringJa,
      bringEn,
    }));
}
