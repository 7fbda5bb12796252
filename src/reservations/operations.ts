import { createHash, randomInt } from "node:crypto";
import { addDays } from "../calendar/dates.ts";
import { calendarRange } from "../calendar/operations.ts";
import { type Actor, auditContext, systemActor } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { localDate, now, tokyoIso } from "../platform/clock.ts";
import {
  type Db,
  type Executor,
  isUniqueViolation,
  type Tx,
  transaction,
} from "../platform/db/index.ts";
import { DomainError, unprocessable } from "../platform/errors.ts";
import { newId, newToken } from "../platform/ids.ts";
import { enqueueMail } from "../platform/mail/outbox.ts";
import { containsMyNumber } from "../platform/mynumber.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { listProcedures } from "../queue/store.ts";
import { type NoticeKind, reservationNotice } from "./notices.ts";
import {
  bookable,
  DEFAULT_RESERVATION_SETTINGS,
  defaultCapacity,
  type ReservationSettings,
  slotsOfDay,
  tokyoInstant,
} from "./slots.ts";
import {
  bookedBetween,
  countFutureOfContact,
  ensureSlot,
  findReservationByToken,
  findReservationSettings,
  insertReservation,
  lockContact,
  type Reservation,
  releasePlace,
  saveReservationSettings,
  setSlotCapacity,
  slotCountsBetween,
  takePlace,
  updateReservation,
} from "./store.ts";

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
    Object.values(s.capacityByGroup).every((c) => Number.isInteger(c) && c >= 0 && c <= 50);
  if (!ok)
    throw new DomainError(
      "unprocessable",
      "invalid_settings",
      "予約の設定値が範囲外です。",
      "A reservation setting is out of range.",
    );
}

export async function updateReservationSettings(
  db: Db,
  actor: Actor,
  settings: ReservationSettings,
): Promise<ReservationSettings> {
  checkReservationSettings(settings);
  await transaction(db, async (tx) => {
    await saveReservationSettings(tx, actor.tenantId, { ...settings }, actor.userId, now());
    await recordAudit(tx, auditContext(actor), {
      action: "reservation.settings_update",
      entity: "reservation_settings",
      entityId: actor.tenantId,
      change: settings,
    });
  });
  return settings;
}

/** The manager sets the places of one slot (the staffing plan may raise or lower them later). */
export async function setCapacity(
  db: Db,
  actor: Actor,
  groupCode: string,
  start: string,
  capacity: number,
): Promise<void> {
  await transaction(db, async (tx) => {
    if (!(await setSlotCapacity(tx, actor.tenantId, groupCode, new Date(start), capacity))) {
      throw new DomainError(
        "conflict",
        "below_booked",
        "既に予約されている数より少なくはできません。",
        "Capacity cannot go below the places already booked.",
      );
    }
    await recordAudit(tx, auditContext(actor), {
      action: "reservation.capacity_set",
      entity: "slot",
      entityId: `${groupCode}@${start}`,
      change: { capacity },
    });
  });
}

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

export interface BookingInput {
  procedure: string;
  start: string;
  nameKana: string;
  email?: string | undefined;
  phone?: string | undefined;
  reference?: string | undefined;
  clientIp?: string | undefined;
  /** `web` from the booking pages; `phone` when staff take it on the phone. */
  channel?: "web" | "phone";
  /** Base of the links in notices (MADOGUCHI_PUBLIC_URL). */
  publicUrl?: string | undefined;
}

export const manageUrlOf = (publicUrl: string, r: Pick<Reservation, "tenantId" | "manageToken">) =>
  `${publicUrl}/reservations/${r.tenantId}/${r.manageToken}`;

async function notify(tx: Tx, kind: NoticeKind, r: Reservation, publicUrl: string | undefined) {
  const [procedure, tenant] = await Promise.all([
    listProcedures(tx, r.tenantId).then((all) => all.find((p) => p.code === r.procedureCode)),
    findTenant(tx, r.tenantId),
  ]);
  const mail = reservationNotice(
    kind,
    r,
    procedure?.nameJa ?? r.procedureCode,
    manageUrlOf(publicUrl ?? "", r),
    tenant?.nameJa ?? "",
  );
  if (mail) await enqueueMail(tx, r.tenantId, mail);
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

/**
 * 予約: takes a place in the slot and records the booking in one transaction. The place is taken
 * by a conditional UPDATE, so concurrent bookings of the last places are decided by the database;
 * the loser is told so, with the next free times.
 */
export async function bookReservation(
  db: Db,
  tenantId: string,
  input: BookingInput,
  given?: ReservationSettings,
): Promise<Reservation> {
  const settings = given ?? (await reservationSettingsOf(db, tenantId));
  checkContact(input);
  const procedure = await procedureOf(db, tenantId, input.procedure);
  const start = new Date(input.start);
  const day = localDate(start);
  const slot = (await availableSlots(db, tenantId, input.procedure, day, day, settings)).find(
    (s) => new Date(s.start).getTime() === start.getTime(),
  );
  if (!slot)
    throw unprocessable(
      "not_a_slot",
      "予約できる時間ではありません。",
      "That time cannot be booked.",
    );
  const key = contactKey(input.email, input.phone);
  const actor: Actor = {
    ...systemActor(tenantId, "citizen"),
    role: "citizen",
    clientIp: input.clientIp,
  };
  try {
    return await transaction(db, async (tx) => {
      await lockContact(tx, tenantId, key);
      if ((await countFutureOfContact(tx, tenantId, key, now())) >= settings.maxFuturePerPerson) {
        throw new DomainError(
          "conflict",
          "too_many_reservations",
          `予約は${settings.maxFuturePerPerson}件までです。`,
          `At most ${settings.maxFuturePerPerson} future reservations per person.`,
        );
      }
      await ensureSlot(tx, tenantId, procedure.groupCode, start, slot.capacity);
      if (!(await takePlace(tx, tenantId, procedure.groupCode, start))) throw new SlotFull([]);
      const row: Reservation = {
        tenantId,
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
      await insertReservation(tx, row);
      await notify(tx, "confirmation", row, input.publicUrl);
      await recordAudit(tx, auditContext(actor), {
        action: "reservation.book",
        entity: "reservation",
        entityId: row.reservationId,
        change: { procedure: row.procedureCode, slot: input.start, channel: row.channel },
      });
      return row;
    });
  } catch (error) {
    if (error instanceof SlotFull) {
      const later = await availableSlots(
        db,
        tenantId,
        input.procedure,
        day,
        addDays(day, 7),
        settings,
      );
      throw new SlotFull(
        later.filter((s) => s.remaining > 0 && new Date(s.start) > start).slice(0, 5),
      );
    }
    if (isUniqueViolation(error)) return bookReservation(db, tenantId, input, settings);
    throw error;
  }
}

export async function reservationByToken(
  db: Executor,
  tenantId: string,
  token: string,
): Promise<Reservation> {
  const row = await findReservationByToken(db, tenantId, token);
  if (!row)
    throw new DomainError(
      "not_found",
      "not_found",
      "予約が見つかりません。",
      "Reservation not found.",
    );
  return row;
}

/** Cancels through the management link (or by staff), giving the place back to the slot. */
export async function cancelReservation(
  db: Db,
  tenantId: string,
  token: string,
  publicUrl?: string,
  actor: Actor = { ...systemActor(tenantId, "citizen"), role: "citizen" },
): Promise<Reservation> {
  return transaction(db, async (tx) => {
    const row = await findReservationByToken(tx, tenantId, token, true);
    if (!row)
      throw new DomainError(
        "not_found",
        "not_found",
        "予約が見つかりません。",
        "Reservation not found.",
      );
    if (row.status !== "booked")
      throw new DomainError(
        "conflict",
        "not_cancellable",
        "この予約は取り消せません。",
        "This reservation cannot be cancelled.",
      );
    await releasePlace(tx, tenantId, row.groupCode, row.slotStart);
    const cancelled = await updateReservation(tx, row, { status: "cancelled", cancelledAt: now() });
    await notify(tx, "cancellation", cancelled, publicUrl);
    await recordAudit(tx, auditContext(actor), {
      action: "reservation.cancel",
      entity: "reservation",
      entityId: row.reservationId,
    });
    return cancelled;
  });
}

/** Moves a reservation to another slot through its management link: the new place is taken, the old one given back. */
export async function changeReservation(
  db: Db,
  tenantId: string,
  token: string,
  start: string,
  publicUrl?: string,
): Promise<Reservation> {
  const current = await reservationByToken(db, tenantId, token);
  if (current.status !== "booked")
    throw new DomainError(
      "conflict",
      "not_changeable",
      "この予約は変更できません。",
      "This reservation cannot be changed.",
    );
  const target = new Date(start);
  const day = localDate(target);
  const slot = (await availableSlots(db, tenantId, current.procedureCode, day, day)).find(
    (s) => new Date(s.start).getTime() === target.getTime(),
  );
  if (!slot)
    throw unprocessable(
      "not_a_slot",
      "予約できる時間ではありません。",
      "That time cannot be booked.",
    );
  const actor: Actor = { ...systemActor(tenantId, "citizen"), role: "citizen" };
  try {
    return await transaction(db, async (tx) => {
      const row = await findReservationByToken(tx, tenantId, token, true);
      if (row?.status !== "booked")
        throw new DomainError(
          "conflict",
          "not_changeable",
          "この予約は変更できません。",
          "This reservation cannot be changed.",
        );
      await ensureSlot(tx, tenantId, row.groupCode, target, slot.capacity);
      if (!(await takePlace(tx, tenantId, row.groupCode, target))) throw new SlotFull([]);
      await releasePlace(tx, tenantId, row.groupCode, row.slotStart);
      const moved = await updateReservation(tx, row, {
        slotStart: target,
        slotEnd: new Date(slot.end),
        remindedAt: null,
        closureNoticeAt: null,
      });
      await notify(tx, "change", moved, publicUrl);
      await recordAudit(tx, auditContext(actor), {
        action: "reservation.change",
        entity: "reservation",
        entityId: row.reservationId,
        change: { from: row.slotStart.toISOString(), to: start },
      });
      return moved;
    });
  } catch (error) {
    if (error instanceof SlotFull) {
      const later = await availableSlots(db, tenantId, current.procedureCode, day, addDays(day, 7));
      throw new SlotFull(later.filter((s) => s.remaining > 0).slice(0, 5));
    }
    throw error;
  }
}

/** The day-before reminder: queued once for every booking of tomorrow. */
export async function queueReminders(db: Db, by: string, publicUrl?: string): Promise<number> {
  const tomorrow = addDays(localDate(now()), 1);
  const due = await bookedBetween(
    db,
    tokyoInstant(tomorrow, "00:00"),
    tokyoInstant(addDays(tomorrow, 1), "00:00"),
    "reminded_at",
  );
  for (const r of due) {
    await transaction(db, async (tx) => {
      await updateReservation(tx, r, { remindedAt: now() });
      await notify(tx, "reminder", r, publicUrl);
      await recordAudit(tx, auditContext(systemActor(r.tenantId, by)), {
        action: "reservation.remind",
        entity: "reservation",
        entityId: r.reservationId,
      });
    });
  }
  return due.length;
}

export interface ClosureImpact {
  date: string;
  counterOpen: boolean;
  booked: number;
  notified: number;
}

/** What a closure of a day means for its bookings: how many, and how many have been told. */
export async function closureImpact(
  db: Executor,
  tenantId: string,
  date: string,
): Promise<ClosureImpact> {
  const [day] = await calendarRange(db, tenantId, date, date);
  const rows = (
    await bookedBetween(db, tokyoInstant(date, "00:00"), tokyoInstant(addDays(date, 1), "00:00"))
  ).filter((r) => r.tenantId === tenantId);
  return {
    date,
    counterOpen: Boolean(day?.counter),
    booked: rows.length,
    notified: rows.filter((r) => r.closureNoticeAt).length,
  };
}

/** After a closure is approved, tells everyone booked that day, in one action (each only once). */
export async function notifyClosure(
  db: Db,
  actor: Actor,
  date: string,
  publicUrl?: string,
): Promise<ClosureImpact> {
  const [day] = await calendarRange(db, actor.tenantId, date, date);
  if (day?.counter)
    throw new DomainError(
      "conflict",
      "not_closed",
      "この日は休業になっていません。",
      "The counter is not closed on this day.",
    );
  const rows = (
    await bookedBetween(
      db,
      tokyoInstant(date, "00:00"),
      tokyoInstant(addDays(date, 1), "00:00"),
      "closure_notice_at",
    )
  ).filter((r) => r.tenantId === actor.tenantId);
  await transaction(db, async (tx) => {
    for (const r of rows) {
      const marked = await updateReservation(tx, r, { closureNoticeAt: now() });
      await notify(tx, "closure", marked, publicUrl);
    }
    await recordAudit(tx, auditContext(actor), {
      action: "reservation.notify_closure",
      entity: "reservation",
      change: { date, count: rows.length },
    });
  });
  return closureImpact(db, actor.tenantId, date);
}
