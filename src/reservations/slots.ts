import { minutes } from "../calendar/dates.ts";
import type { BusinessDay, Window } from "../calendar/rules.ts";

/**
 * Bookable slots (予約枠) of a day: generated from the calendar's counter hours, only while the
 * counter is open and ending before it closes. Pure: the day and the settings come in.
 */
export interface ReservationSettings {
  slotMinutes: number;
  /** Booking opens this many days ahead. */
  openDaysAhead: number;
  /** Booking closes this many hours before the slot. */
  closeHoursBefore: number;
  /** Future reservations one person (e-mail or phone) may hold. */
  maxFuturePerPerson: number;
  /** Counters that take reservations at the same time, for the default capacity. */
  reservableCounters: number;
  /** Contact data is purged this many days after the visit. */
  purgeAfterDays: number;
  /** Places per slot by procedure group, where the manager set them (else derived). */
  capacityByGroup: Record<string, number>;
  /** Where the counter is (来庁場所), told on the manage page and in the mails; "" = the office name only. */
  placeJa: string;
  placeEn: string;
  /** A map link (https) for the place; "" when the manager has not set one. */
  mapUrl: string;
}

export const DEFAULT_RESERVATION_SETTINGS: ReservationSettings = {
  slotMinutes: 30,
  openDaysAhead: 30,
  closeHoursBefore: 2,
  maxFuturePerPerson: 2,
  reservableCounters: 2,
  purgeAfterDays: 30,
  capacityByGroup: {},
  placeJa: "",
  placeEn: "",
  mapUrl: "",
};

/** Where the demo counter is (specification §5: 長岡市役所 1階 市民課); the map link is the city hall's. */
export const DEMO_RESERVATION_PLACE = {
  placeJa: "長岡市役所（アオーレ長岡）1階 市民課 マイナンバーカード専用窓口",
  placeEn: "Nagaoka City Hall (Aore Nagaoka), 1st floor, Citizens Division: My Number Card counter",
  mapUrl: "https://www.openstreetmap.org/?mlat=37.4470&mlon=138.8520#map=18/37.4470/138.8520",
};

export interface Slot {
  /** Local start and end, HH:MM, on the day. */
  start: string;
  end: string;
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export function slotsOfDay(day: BusinessDay, slotMinutes: number): Slot[] {
  const windows: Window[] = [day.counter, ...(day.extraSessions ?? [])].filter(
    (w): w is Window => w !== null,
  );
  const slots: Slot[] = [];
  for (const w of windows) {
    for (let t = minutes(w.open); t + slotMinutes <= minutes(w.close); t += slotMinutes) {
      slots.push({ start: hhmm(t), end: hhmm(t + slotMinutes) });
    }
  }
  return slots;
}

/** How many people one slot takes by default: the counters taking bookings × people per slot each. */
export function defaultCapacity(
  settings: ReservationSettings,
  standardMinutes: number,
  groupCode?: string,
): number {
  const set = groupCode ? settings.capacityByGroup[groupCode] : undefined;
  if (set !== undefined) return set;
  return Math.max(
    1,
    settings.reservableCounters * Math.floor(settings.slotMinutes / Math.max(1, standardMinutes)),
  );
}

/** Whether a slot starting at `start` can be booked at `at`: not too far ahead, not too close. */
export function bookable(start: Date, at: Date, settings: ReservationSettings): boolean {
  const ahead = start.getTime() - at.getTime();
  return (
    ahead >= settings.closeHoursBefore * 3_600_000 && ahead <= settings.openDaysAhead * 86_400_000
  );
}
