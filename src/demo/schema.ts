import { date, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * The days of the demo's service history already made: written in the transaction that writes a
 * month of them, so a month is made once (the key decides), and a later run goes on from the
 * first day missing, whatever that day held (a day with nobody served is made too).
 */
export const demoHistoryDays = pgTable(
  "demo_history_days",
  {
    tenantId: text("tenant_id").notNull(),
    day: date("day").notNull(),
    madeAt: timestamptz("made_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);
