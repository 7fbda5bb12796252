import { addDays } from "../calendar/dates.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import type { Actor } from "../platform/actor.ts";
import { localDate, now } from "../platform/clock.ts";
import { notFound } from "../platform/errors.ts";
import { newToken } from "../platform/ids.ts";
import type { Ctx } from "../platform/operation.ts";
import type { ReplayLog } from "../platform/replay.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import type { IssuedTicket, IssueInput } from "../queue/issue.ts";
import { notASlot, procedureOf, SlotFull, slotViews } from "./availability.ts";
import {
  type BookingInput,
  bookedAudit,
  checkContact,
  contactKey,
  newReservation,
  reservationCode,
  tooManyReservations,
} from "./booking.ts";
import { reservationSettingsOf } from "./settings.ts";
import { defaultCapacity, type ReservationSettings } from "./slots.ts";
import {
  checkedInAudit,
  checkedInPatch,
  checksInToday,
  noBookingToday,
  noShowAudit,
  notBooked,
  requireNoShowDue,
} from "./staff.ts";
import type { Reservation, ReservationRows } from "./store.ts";

/**
 * Bookings of past days replayed in memory, for the demo's history written in bulk: the booking
 * operation's rules (the contact, the slots bookable then with their places, one person's limit,
 * the code) on the rows kept here; the kiosk's check-in issues its ticket through the queue's
 * replay; 不来所 after the grace. Bookings that would send mail are not replayed (the history
 * books by phone, and a replay sends nothing).
 */
export interface ReservationReplayInputs {
  settings: ReservationSettings;
  calendar: ReadonlyMap<string, BusinessDay>;
  procedures: Map<string, Awaited<ReturnType<typeof procedureOf>>>;
}

export async function loadReservationReplay(
  ctx: Ctx,
  props: { calendar: ReadonlyMap<string, BusinessDay>; procedures: string[] },
): Promise<ReservationReplayInputs> {
  if (!(await findTenant(ctx.tx, ctx.tenantId))) throw notFound("自治体", "Tenant");
  const settings = await reservationSettingsOf(ctx.tx, ctx.tenantId);
  const procedures = new Map<string, Awaited<ReturnType<typeof procedureOf>>>();
  for (const code of props.procedures)
    procedures.set(code, await procedureOf(ctx.tx, ctx.tenantId, code));
  return { settings, calendar: props.calendar, procedures };
}

interface SlotCount {
  tenantId: string;
  groupCode: string;
  slotStart: Date;
  capacity: number;
  booked: number;
}

export class ReservationReplay {
  private rows = new Map<string, Reservation>();
  private counts = new Map<string, SlotCount>();
  private codes = new Set<string>();

  constructor(
    private readonly log: ReplayLog,
    private readonly inputs: ReservationReplayInputs,
  ) {}

  private procedure(code: string) {
    const found = this.inputs.procedures.get(code);
    if (!found) throw new Error(`the replay does not book ${code}`);
    return found;
  }

  /** availableSlots over the days the replay knows, with its own places taken. */
  private slots(code: string, from: string, to: string, at: Date) {
    const { settings } = this.inputs;
    const procedure = this.procedure(code);
    const days = [...this.inputs.calendar.values()].filter((d) => d.date >= from && d.date <= to);
    return slotViews({
      days,
      settings,
      capacity: defaultCapacity(settings, procedure.standardMinutes, procedure.groupCode),
      counts: [...this.counts.values()].filter((c) => c.groupCode === procedure.groupCode),
      at,
    });
  }

  book(actor: Actor, input: BookingInput): Reservation {
    this.log.requireAccess(actor, "reservations.own");
    if (input.email) throw new Error("a replay sends no mail: it books by phone only");
    const at = now();
    const { settings } = this.inputs;
    const nameKana = checkContact(input);
    const procedure = this.procedure(input.procedure);
    const start = new Date(input.start);
    const day = localDate(start);
    const slot = this.slots(input.procedure, day, day, at).find(
      (s) => new Date(s.start).getTime() === start.getTime(),
    );
    if (!slot) throw notASlot();
    const key = contactKey(input.email, input.phone);
    const future = [...this.rows.values()].filter(
      (r) => r.contactKey === key && r.status === "booked" && r.slotStart > at,
    ).length;
    if (future >= settings.maxFuturePerPerson)
      throw tooManyReservations(settings.maxFuturePerPerson);
    const slotKey = `${procedure.groupCode}|${start.getTime()}`;
    const count = this.counts.get(slotKey) ?? {
      tenantId: this.log.tenantId,
      groupCode: procedure.groupCode,
      slotStart: start,
      capacity: slot.capacity,
      booked: 0,
    };
    this.counts.set(slotKey, count);
    if (count.booked >= count.capacity) {
      const later = this.slots(input.procedure, day, addDays(day, 7), at);
      throw new SlotFull(
        later.filter((s) => s.remaining > 0 && new Date(s.start) > start).slice(0, 5),
      );
    }
    count.booked++;
    const row = newReservation({
      tenantId: this.log.tenantId,
      procedure,
      start,
      slotEnd: new Date(slot.end),
      input,
      nameKana,
      contactKey: key,
      at,
    });
    while (this.codes.has(row.code)) {
      row.code = reservationCode();
      row.manageToken = newToken(24);
    }
    this.codes.add(row.code);
    this.rows.set(row.reservationId, row);
    this.log.audit(actor, bookedAudit(row, input));
    return row;
  }

  /** checkInByCode: today's booking by its code, a ticket ranked by its time, both audited. */
  checkInByCode(
    actor: Actor,
    code: string,
    issue: (actor: Actor, input: IssueInput) => IssuedTicket,
  ): { reservation: Reservation; ticket: IssuedTicket } {
    this.log.requireAccess(actor, "reservations.self_check_in");
    const wanted = code.trim().toUpperCase();
    const row = [...this.rows.values()].find((r) => r.code === wanted);
    if (!checksInToday(row, now())) throw noBookingToday();
    const ticket = issue(actor, { procedures: [row.procedureCode], reservedFor: row.slotStart });
    const reservation = { ...row, ...checkedInPatch(ticket.ticketId, now()) };
    this.rows.set(row.reservationId, reservation);
    this.log.audit(actor, checkedInAudit(row.reservationId, ticket.ticketId));
    return { reservation, ticket };
  }

  markNoShow(actor: Actor, props: { reservationId: string }): Reservation {
    this.log.requireAccess(actor, "reservations.manage");
    const row = this.rows.get(props.reservationId);
    if (!row) throw notFound("予約", "Reservation");
    if (row.status !== "booked") throw notBooked(row);
    requireNoShowDue(row, now());
    const updated = { ...row, status: "no_show" };
    this.rows.set(row.reservationId, updated);
    this.log.audit(actor, noShowAudit(row.reservationId));
    return updated;
  }

  /** The rows made since the last call; every booking is for its own day, ended by then. */
  take(): ReservationRows {
    const rows = { reservations: [...this.rows.values()], slots: [...this.counts.values()] };
    this.rows.clear();
    this.counts.clear();
    return rows;
  }
}
