/** Requests and responses of the reservation API, shared with the web app as types. */
import { z } from "zod";
import { isoDate, isoInstant } from "../platform/inputs.ts";
import { tenantIdSchema } from "../platform/tenancy/tenant.ts";

export const dateSchema = isoDate;
export const slotSchema = z.object({
  start: z.string(),
  end: z.string(),
  capacity: z.number(),
  remaining: z.number(),
});
export const tenantParams = z.object({ tenant: tenantIdSchema });
export const tokenParams = z.object({ tenant: tenantIdSchema, token: z.string().min(16).max(64) });
export const idParams = z.object({ id: z.string().uuid() });

/** A booking's states (予約・受付済・取消・不来所) and their labels, for every screen. */
export const RESERVATION_STATUSES = ["booked", "checked_in", "cancelled", "no_show"] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
export const RESERVATION_STATUS_LABELS: Record<ReservationStatus, { ja: string; en: string }> = {
  booked: { ja: "予約済み", en: "Booked" },
  checked_in: { ja: "受付済み", en: "Checked in" },
  cancelled: { ja: "取消済み", en: "Cancelled" },
  no_show: { ja: "来所なし", en: "Did not come" },
};
export function reservationStatusLabel(status: string, lang: "ja" | "en"): string {
  return RESERVATION_STATUS_LABELS[status as ReservationStatus]?.[lang] ?? status;
}

/** What the person who booked sees through the management link. */
export const reservationSchema = z.object({
  code: z.string(),
  procedure: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.string(),
  nameKana: z.string().nullable(),
});
/** What the counter staff see: with the contact, for the day's work. */
export const staffViewSchema = reservationSchema.extend({
  id: z.string(),
  channel: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  reference: z.string().nullable(),
  ticketId: z.string().nullable(),
});
export type StaffReservation = z.infer<typeof staffViewSchema>;

/** Who booked and how to reach them: the booking form's own fields. */
export const contactFields = z.object({
  nameKana: z.string().min(1).max(60),
  email: z.string().max(200).optional(),
  phone: z.string().max(20).optional(),
  reference: z.string().max(30).optional(),
});
export const bookingBody = contactFields.extend({
  procedure: z.string().max(40),
  start: isoInstant,
});
export const slotsQuery = z.object({
  procedure: z.string().max(40),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export const bookableProcedureSchema = z.object({
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  standardMinutes: z.number(),
  /** What to bring (持ち物), as the manager set it for the procedure. */
  bringJa: z.string(),
  bringEn: z.string(),
});
export const impactSchema = z.object({
  date: z.string(),
  counterOpen: z.boolean(),
  booked: z.number(),
  notified: z.number(),
});
export const settingsSchema = z.object({
  slotMinutes: z.number().int(),
  openDaysAhead: z.number().int(),
  closeHoursBefore: z.number().int(),
  maxFuturePerPerson: z.number().int(),
  reservableCounters: z.number().int(),
  purgeAfterDays: z.number().int(),
  capacityByGroup: z.record(z.string(), z.number().int()),
  placeJa: z.string().max(200).default(""),
  placeEn: z.string().max(200).default(""),
  // Citizens tap it: https only, so a setting cannot carry a script URL.
  mapUrl: z
    .string()
    .max(500)
    .regex(/^(https:\/\/\S+)?$/)
    .default(""),
});
/** Where to come (来庁案内): the office, the place in it, and a map link; public. */
export const visitSchema = z.object({
  officeJa: z.string(),
  officeEn: z.string(),
  placeJa: z.string(),
  placeEn: z.string(),
  mapUrl: z.string(),
});
export const capacityBody = z.object({
  group: z.string().min(1).max(40),
  start: isoInstant,
  capacity: z.number().int().min(0).max(50),
});
export const checkInSchema = z.object({
  reservation: staffViewSchema,
  ticketNumber: z.string(),
  ticketId: z.string(),
});
