import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * Booked places per slot. Booking increments `booked` only while it is below `capacity`, in one
 * conditional UPDATE: the database, not an earlier check, keeps a slot from being overbooked.
 */
export const slotCounts = pgTable(
  "slot_counts",
  {
    tenantId: text("tenant_id").notNull(),
    groupCode: text("group_code").notNull(),
    slotStart: timestamptz("slot_start").notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.groupCode, t.slotStart] })],
);

/** 予約. Contact data (name, e-mail, phone, reference) is purged some days after the visit. */
export const reservations = pgTable(
  "reservations",
  {
    tenantId: text("tenant_id").notNull(),
    reservationId: text("reservation_id").notNull(),
    /** Short code people read out on the phone or at the counter. */
    code: text("code").notNull(),
    /** The unguessable token of the management link. */
    manageToken: text("manage_token").notNull(),
    procedureCode: text("procedure_code").notNull(),
    groupCode: text("group_code").notNull(),
    slotStart: timestamptz("slot_start").notNull(),
    slotEnd: timestamptz("slot_end").notNull(),
    status: text("status").notNull(),
    channel: text("channel").notNull(),
    nameKana: text("name_kana"),
    email: text("email"),
    phone: text("phone"),
    reference: text("reference"),
    /** SHA-256 of the normalised e-mail or phone: counts a person's bookings without reading them. */
    contactKey: text("contact_key").notNull(),
    createdAt: timestamptz("created_at").notNull(),
    cancelledAt: timestamptz("cancelled_at"),
    checkedInAt: timestamptz("checked_in_at"),
    remindedAt: timestamptz("reminded_at"),
    /** When the person was told the counter is closed that day. */
    closureNoticeAt: timestamptz("closure_notice_at"),
    ticketId: text("ticket_id"),
    purgedAt: timestamptz("purged_at"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.reservationId] }),
    uniqueIndex("reservations_code").on(t.tenantId, t.code),
    uniqueIndex("reservations_manage_token").on(t.manageToken),
    index("reservations_slot").on(t.tenantId, t.slotStart),
    index("reservations_contact").on(t.tenantId, t.contactKey),
  ],
);

/** The manager's reservation settings; a tenant without a row uses the defaults. */
export const reservationSettings = pgTable("reservation_settings", {
  tenantId: text("tenant_id").primaryKey(),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
});
