import { boolean, date, index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";
import type { CalendarSettings, Window } from "./rules.ts";

/** Per-tenant calendar rules; a tenant without a row uses the specification's defaults. */
export const calendarSettings = pgTable("calendar_settings", {
  tenantId: text("tenant_id").primaryKey(),
  settings: jsonb("settings").$type<CalendarSettings>().notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
});

/** 休日開庁日: Saturdays and Sundays the city designates. */
export const weekendOpenings = pgTable(
  "weekend_openings",
  {
    tenantId: text("tenant_id").notNull(),
    date: date("date").notNull(),
    /** Reservations only, no walk-ins (used by reservations). */
    reservationOnly: boolean("reservation_only").notNull().default(false),
    designatedBy: text("designated_by").notNull(),
    designatedAt: timestamptz("designated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.date] })],
);

/** Changes to single days by agreement: requested by the contractor, decided by the city. */
export const calendarExceptions = pgTable(
  "calendar_exceptions",
  {
    tenantId: text("tenant_id").notNull(),
    exceptionId: text("exception_id").notNull(),
    date: date("date").notNull(),
    kind: text("kind").notNull(),
    counter: jsonb("counter").$type<Window | null>(),
    phone: jsonb("phone").$type<Window | null>(),
    reason: text("reason").notNull(),
    status: text("status").notNull(),
    requestedBy: text("requested_by").notNull(),
    /** Names as they were when acting: a work record, shown to the city with the decision. */
    requestedByName: text("requested_by_name").notNull(),
    requestedAt: timestamptz("requested_at").notNull(),
    decidedBy: text("decided_by"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamptz("decided_at"),
    decisionNote: text("decision_note"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.exceptionId] }),
    index("calendar_exceptions_date").on(t.tenantId, t.date),
  ],
);
