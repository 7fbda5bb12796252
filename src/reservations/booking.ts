import { createHash, randomInt } from "node:crypto";
import type { AuditEntry } from "../platform/audit/store.ts";
import { now } from "../platform/clock.ts";
import { isUniqueViolation } from "../platform/db/index.ts";
import { DomainError, unprocessable } from "../platform/errors.ts";
import { newId, newToken } from "../platform/ids.ts";
import { enqueueMail } from "../platform/mail/outbox.ts";
import { containsMyNumber } from "../platform/mynumber.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { listProcedures } from "../queue/store.ts";
import { alternativesAfter, procedureOf, requireTenant, SlotFull, slotAt } from "./availability.ts";
import { normaliseNameKana } from "./kana.ts";
import { type NoticeKind, reservationNotice } from "./notices.ts";
import { reservationSettingsOf } from "./settings.ts";
import {
  countFutureOfContact,
  ensureSlot,
  insertReservation,
  lockContact,
  type Reservation,
  takePlace,
} from "./store.ts";

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
  const procedure = (await listProcedures(ctx.tx, r.tenantId)).find(
    (p) => p.code === r.procedureCode,
  );
  const tenant = await findTenant(ctx.tx, r.tenantId);
  const { placeJa, mapUrl } = await reservationSettingsOf(ctx.tx, r.tenantId);
  const mail = reservationNotice(kind, r, {
    procedureName: procedure?.nameJa ?? r.procedureCode,
    bring: procedure?.bringJa ?? "",
    manageUrl: manageUrlOf(publicUrl ?? "", r),
    office: tenant?.nameJa ?? "",
    place: placeJa,
    mapUrl,
  });
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

/** The contact is checked and the name put in katakana (ひらがなはカタカナに直す). */
export function checkContact(input: BookingInput): string {
  const nameKana = normaliseNameKana(input.nameKana);
  if (!nameKana) {
    throw unprocessable(
      "invalid_name_kana",
      "お名前はカタカナで入力してください（ひらがなはカタカナに直します）。",
      "Enter the name in katakana (hiragana is converted).",
      { field: "body.nameKana" },
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
  return nameKana;
}

/**
 * 予約: takes a place in the slot and records the booking in one transaction. The place is taken
 * by a conditional UPDATE, so concurrent bookings of the last places are decided by the database;
 * the loser is told so, with the next free times.
 */
export async function bookReservation(ctx: Ctx, input: BookingInput): Promise<Reservation> {
  requireAccess(ctx, "reservations.own");
  await requireTenant(ctx);
  const settings = await reservationSettingsOf(ctx.tx, ctx.tenantId);
  const nameKana = checkContact(input);
  const procedure = await procedureOf(ctx.tx, ctx.tenantId, input.procedure);
  const start = new Date(input.start);
  const slot = await slotAt(ctx, input.procedure, start, settings);
  const key = contactKey(input.email, input.phone);
  await lockContact(ctx.tx, ctx.tenantId, key);
  if ((await countFutureOfContact(ctx.tx, ctx.tenantId, key, now())) >= settings.maxFuturePerPerson)
    throw tooManyReservations(settings.maxFuturePerPerson);
  await ensureSlot(ctx.tx, ctx.tenantId, procedure.groupCode, start, slot.capacity);
  if (!(await takePlace(ctx.tx, ctx.tenantId, procedure.groupCode, start)))
    throw new SlotFull(await alternativesAfter(ctx, input.procedure, start));
  const row = newReservation({
    tenantId: ctx.tenantId,
    procedure,
    start,
    slotEnd: new Date(slot.end),
    input,
    nameKana,
    contactKey: key,
    at: now(),
  });
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
  await audit(ctx, bookedAudit(row, input));
  return row;
}

export const tooManyReservations = (most: number) =>
  new DomainError(
    "conflict",
    "too_many_reservations",
    `予約は${most}件までです。`,
    `At most ${most} future reservations per person.`,
  );

/** A new booking's row: its code and management token drawn, the contact as checked. */
export function newReservation(props: {
  tenantId: string;
  procedure: { code: string; groupCode: string };
  start: Date;
  slotEnd: Date;
  input: BookingInput;
  nameKana: string;
  contactKey: string;
  at: Date;
}): Reservation {
  const { input } = props;
  return {
    tenantId: props.tenantId,
    reservationId: newId(),
    code: reservationCode(),
    manageToken: newToken(24),
    procedureCode: props.procedure.code,
    groupCode: props.procedure.groupCode,
    slotStart: props.start,
    slotEnd: props.slotEnd,
    status: "booked",
    channel: input.channel ?? "web",
    nameKana: props.nameKana,
    email: input.email?.trim() || null,
    phone: input.phone?.replace(/[-\s]/g, "") || null,
    reference: input.reference || null,
    contactKey: props.contactKey,
    createdAt: props.at,
    cancelledAt: null,
    checkedInAt: null,
    remindedAt: null,
    closureNoticeAt: null,
    ticketId: null,
    purgedAt: null,
  };
}

export const bookedAudit = (row: Reservation, input: BookingInput): AuditEntry => ({
  action: "reservation.book",
  entity: "reservation",
  entityId: row.reservationId,
  change: { procedure: row.procedureCode, slot: input.start, channel: row.channel },
});
