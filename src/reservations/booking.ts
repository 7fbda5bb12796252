import { createHash, randomInt } from "node:crypto";
import { addDays } from "../calendar/dates.ts";
import { calendarRange } from "../calendar/operations.ts";
import { localDate, now, tokyoIso } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { isUniqueViolation } from "../platform/db/index.ts";
import { DomainError, notFound, unprocessable } from "../platform/errors.ts";
import { newId, newToken } from "../platform/ids.ts";
import { enqueueMail } from "../platform/mail/outbox.ts";
import { containsMyNumber } from "../platform/mynumber.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { listProcedures } from "../queue/store.ts";
import { type NoticeKind, reservationNotice } from "./notices.ts";
import { reservationSettingsOf } from "./settings.ts";
import {
  bookable,
  defaultCapacity,
  type ReservationSettings,
  slotsOfDay,
  tokyoInstant,
} from "./slots.ts";
import {
  countFutureOfContact,
  ensureSlot,
  findReservation,
  findReservationByToken,
  insertReservation,
  lockContact,
  type Reservation,
  releasePlace,
  slotCountsBetween,
  takePlace,
  updateReservation,
} from "./store.ts";

export interface SlotView {
  start: string;
  end: string;
  capacity: number;
  remaining: number;
}

async function procedureOf(db: Executor, tenantId: string, code: string) {
  const procedure = (await listProcedures(db, tenantId)).find(
    (p) => p.code === code && p.atCounter && !p.retiredAt,
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
  const byStart = new Map(counts.map((c) => [c.slotStart.getTime(), c]));
  return days.flatMap((day) =>
    slotsOfDay(day, settings.slotMinutes)
      .map((slot) => ({
        start: tokyoInstant(day.date, slot.start),
        end: tokyoInstant(day.date, slot.end),
      }))
      .filter((slot) => bookable(slot.start, at, settings))
      .map((slot) => {
        const count = byStart.get(slot.start.getTime());
        const cap = count?.capacity ?? capacity;
        return {
          start: tokyoIso(slot.start),
          end: tokyoIso(slot.end),
          capacity: cap,
          remaining: Math.max(0, cap - (count?.booked ?? 0)),
        };
      }),
  );
}

/** A booking: what, when, who (name in kana and a contact), from where. */
export interface BookingInput {
  procedure: string;
  start: string;
  nameKana: string;
  email?: string | undefined;
  phone?: string | undefined;
  reference?: string | undefined;
  /** `web` from the booking pages; `phone` when staff take it on the phone. */
  channel?: "web" | "phone";
  /** Base of the links in notices (MADOGUCHI_PUBLIC_URL). */
  publicUrl?: string | undefined;
}

export const manageUrlOf = (publicUrl: string, r: Pick<Reservation, "tenantId" | "manageToken">) =>
  `${publicUrl}/reservations/${r.tenantId}/${r.manageToken}`;

/** Queues a notice about a reservation in the caller's transaction: it goes out only if that commits. */
export async function notifyReservation(
  ctx: Ctx,
  kind: NoticeKind,
  r: Reservation,
  publicUrl: string | undefined,
) {
  const [procedure, tenant] = await Promise.all([
    listProcedures(ctx.tx, r.tenantId).then((all) => all.find((p) => p.code === r.procedureCode)),
    findTenant(ctx.tx, r.tenantId),
  ]);
  const mail = reservationNotice(
    kind,
    r,
    procedure?.nameJa ?? r.procedureCode,
    manageUrlOf(publicUrl ?? "", r),
    tenant?.nameJa ?? "",
  );
  if (mail) await enqueueMail(ctx.tx, r.tenantId, mail);
}

/** The key that counts one person's bookings: the normalised e-mail, else the phone digits. */
export function contactKey(email: string | undefined, phone: string | undefined): string {
  const normal = email
    ? `e:${email.trim().toLowerCase()}`
    : `p:${(phone ?? "").replace(/\D/g, "")}`;
  return createHash("sha256").update(normal).digest("hex");
}

const CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679";
/** A code people can read out: 8 characters without look-alikes, e.g. `KD4R-7WXM`. */
export function reservationCode(): string {
  for (;;) {
    const chars = Array.from(
      { length: 8 },
      () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
    ).join("");
    const code = `${chars.slice(0, 4)}-${chars.slice(4)}`;
    if (!containsMyNumber(code)) return code;
  }
}

function checkContact(input: BookingInput) {
  if (!/^[\u30A0-\u30FF\u3040-\u309F\s\u3000ー・]{1,60}$/.test(input.nameKana.trim())) {
    throw unprocessable(
      "invalid_name_kana",
      "お名前はカタカナまたはひらがなで入力してください。",
      "Enter the name in kana.",
    );
  }
  if (!input.email && !input.phone)
    throw unprocessable(
      "contact_required",
      "メールアドレスか電話番号を入力してください。",
      "Give an e-mail address or a phone number.",
    );
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    throw unprocessable(
      "invalid_email",
      "メールアドレスの形式が正しくありません。",
      "The e-mail address is not valid.",
    );
  if (input.phone && !/^0\d{9,10}$/.test(input.phone.replace(/[-\s]/g, "")))
    throw unprocessable(
      "invalid_phone",
      "電話番号の形式が正しくありません。",
      "The phone number is not valid.",
    );
  // 交付通知書の番号など: checked by form only; the city's systems hold the truth.
  if (input.reference && !/^[0-9A-Za-z-]{4,30}$/.test(input.reference))
    throw unprocessable(
      "invalid_reference",
      "参照番号の形式が正しくありません。",
      "The reference number is not valid.",
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
async function alternativesAfter(ctx: Ctx, procedure: string, start: Date) {
  const day = localDate(start);
  const later = await availableSlots(ctx.tx, ctx.tenantId, procedure, day, addDays(day, 7));
  return later.filter((s) => s.remaining > 0 && new Date(s.start) > start).slice(0, 5);
}

async function slotAt(ctx: Ctx, procedure: string, start: Date, settings?: ReservationSettings) {
  const day = localDate(start);
  const slot = (await availableSlots(ctx.tx, ctx.tenantId, procedure, day, day, settings)).find(
    (s) => new Date(s.start).getTime() === start.getTime(),
  );
  if (!slot)
    throw unprocessable(
      "not_a_slot",
      "予約できる時間ではありません。",
      "That time cannot be booked.",
    );
  return slot;
}

/**
 * 予約: takes a place in the slot and records the booking in one transaction. The place is taken
 * by a conditional UPDATE, so concurrent bookings of the last places are decided by the database;
 * the loser is told so, with the next free times.
 */
export async function bookReservation(ctx: Ctx, input: BookingInput): Promise<Reservation> {
  requireAccess(ctx, "reservations.own");
  const settings = await reservationSettingsOf(ctx.tx, ctx.tenantId);
  checkContact(input);
  const procedure = await procedureOf(ctx.tx, ctx.tenantId, input.procedure);
  const start = new Date(input.start);
  const slot = await slotAt(ctx, input.procedure, start, settings);
  const key = contactKey(input.email, input.phone);
  await lockContact(ctx.tx, ctx.tenantId, key);
  if (
    (await countFutureOfContact(ctx.tx, ctx.tenantId, key, now())) >= settings.maxFuturePerPerson
  ) {
    throw new DomainError(
      "conflict",
      "too_many_reservations",
      `予約は${settings.maxFuturePerPerson}件までです。`,
      `At most ${settings.maxFuturePerPerson} future reservations per person.`,
    );
  }
  await ensureSlot(ctx.tx, ctx.tenantId, procedure.groupCode, start, slot.capacity);
  if (!(await takePlace(ctx.tx, ctx.tenantId, procedure.groupCode, start)))
    throw new SlotFull(await alternativesAfter(ctx, input.procedure, start));
  const row: Reservation = {
    tenantId: ctx.tenantId,
    reservationId: newId(),
    code: reservationCode(),
    manageToken: newToken(24),
    procedureCode: procedure.code,
    groupCode: procedure.groupCode,
    slotStart: start,
    slotEnd: new Date(slot.end),
    status: "booked",
    channel: input.channel ?? "web",
    nameKana: input.nameKana.trim(),
    email: input.email?.trim() || null,
    phone: input.phone?.replace(/[-\s]/g, "") || null,
    reference: input.reference || null,
    contactKey: key,
    createdAt: now(),
    cancelledAt: null,
    checkedInAt: null,
    remindedAt: null,
    closureNoticeAt: null,
    ticketId: null,
    purgedAt: null,
  };
  // A code drawn twice (one in 26^8) is drawn again; the savepoint keeps the transaction usable.
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.tx.transaction((sp) => insertReservation(sp as Ctx["tx"], row));
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
      row.code = reservationCode();
      row.manageToken = newToken(24);
    }
  }
  await notifyReservation(ctx, "confirmation", row, input.publicUrl);
  await audit(ctx, {
    action: "reservation.book",
    entity: "reservation",
    entityId: row.reservationId,
    change: { procedure: row.procedureCode, slot: input.start, channel: row.channel },
  });
  return row;
}

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

async function requireTenant(ctx: Ctx) {
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
  const today = localDate(now());
  const from = props.from ?? today;
  const to = props.to ?? addDays(today, settings.openDaysAhead);
  return availableSlots(ctx.tx, ctx.tenantId, props.procedure, from, to, settings);
}

/** Procedures that can be booked (served at the counter, not retired). */
export async function bookableProcedures(ctx: Ctx) {
  requireAccess(ctx, "reservations.own");
  await requireTenant(ctx);
  return (await listProcedures(ctx.tx, ctx.tenantId))
    .filter((p) => p.atCounter && !p.retiredAt)
    .map(({ code, nameJa, nameEn, standardMinutes }) => ({
      code,
      nameJa,
      nameEn,
      standardMinutes,
    }));
}

/** A citizen booking for themselves: refuses a tenant that does not exist before anything else. */
export async function bookAsCitizen(ctx: Ctx, input: BookingInput): Promise<Reservation> {
  await requireTenant(ctx);
  return bookReservation(ctx, input);
}
