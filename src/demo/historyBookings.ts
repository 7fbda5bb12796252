import type { Actor } from "../platform/actor.ts";
import { DomainError } from "../platform/errors.ts";
import { NO_SHOW_GRACE_MINUTES } from "../reservations/staff.ts";
import type { HistoryWorld } from "./historyWorld.ts";

/** Share of single card handovers booked ahead, and of bookings nobody comes to (不来所). */
export const BOOKED_SHARE = 0.2;
export const NO_SHOW_SHARE = 0.06;
/** Taken by phone at 06:00: a booking closes two hours before its slot, the first being 08:30. */
const BOOKED_AT_MINUTE = 6 * 60;

type Step = () => Promise<void>;

export interface BookedVisit {
  world: HistoryWorld;
  schedule: (time: number, run: Step) => void;
  /** The instant of a minute of the day. */
  at: (minute: number) => number;
  slotMinute: number;
  /** When the person reaches the kiosk (a few minutes after the slot starts). */
  arrivalMinute: number;
  comes: boolean;
  /** One who does not come to the slot walks in at this minute instead. */
  lateMinute: number;
  phone: string;
  kiosk: Actor;
  clerk: Actor;
  /** A slot already full: the person comes anyway and takes a ticket. */
  walkIn: Step;
  /** After the check-in has issued the ticket: counted, and the free counters call. */
  checkedIn: (time: number) => Promise<void>;
  booked: () => void;
  /** The booking refused (the slot full): counted, and the person walks in. */
  refused: () => void;
}

/**
 * A booked visit through the reservation steps: the booking, then either the check-in at the
 * kiosk by the code from the confirmation, or 不来所 marked at the counter once the grace is over.
 */
export function scheduleBookedVisit(v: BookedVisit): void {
  const citizen: Actor = { tenantId: v.kiosk.tenantId, userId: "citizen", role: "citizen" };
  v.schedule(v.at(BOOKED_AT_MINUTE), async () => {
    let booking: { reservationId: string; code: string };
    try {
      booking = await v.world.book(citizen, {
        procedure: "handover",
        start: new Date(v.at(v.slotMinute)).toISOString(),
        nameKana: "レキシ ヨヤク",
        phone: v.phone,
        channel: "phone",
      });
    } catch (error) {
      // Refused before writing anything (the slot is full): the person walks in instead.
      if (!(error instanceof DomainError)) throw error;
      v.refused();
      v.schedule(v.at(v.arrivalMinute), v.walkIn);
      return;
    }
    v.booked();
    if (v.comes) {
      const arrival = v.at(v.arrivalMinute);
      v.schedule(arrival, async () => {
        await v.world.checkInByCode(v.kiosk, booking.code);
        await v.checkedIn(arrival);
      });
    } else {
      v.schedule(v.at(v.slotMinute + NO_SHOW_GRACE_MINUTES + 1), async () => {
        await v.world.markNoShow(v.clerk, booking.reservationId);
      });
      v.schedule(v.at(v.lateMinute), v.walkIn);
    }
  });
}
