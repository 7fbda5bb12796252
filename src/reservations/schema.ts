import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Booked places per slot. Booking increments `booked` only while it is below `capacity`, in one
 * conditional UPDATE: the database, not an earlier check, keeps a slot from being overbooked.
 */
export const slotCounts = pgTable(
  "slot_counts",
  {
    tenantId: text("tenant_id").notNull(),
    groupCode: text("group_code").notNull(),
    slotStart: ts("slot_start").notNull(),
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
    slotStart: ts("slot_start").notNull(),
    slotEnd: ts("slot_end").notNull(),
    status: text("status").notNull(),
    channel: text("channel").notNull(),
    nameKana: text("name_kana"),
    email: text("email"),
    phone: text("phone"),
    reference: text("reference"),
    /** SHA-256 of the normalised e-mail or phone: counts a person's bookings without reading them. */
    contactKey: text("contact_key").notNull(),
    createdAt: ts("created_at").notNull(),
    cancelledAt: ts("cancelled_at"),
    checkedInAt: ts("checked_in_at"),
    remindedAt: ts("reminded_at"),
    /** When the person was told the counter is closed that day. */
    closureNoticeAt: ts("closure_notice_at"),
    ticketId: text("ticket_id"),
    purgedAt: ts("purged_at"),
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
  updatedAt: ts("updated_at").notNull(),
});
