import { date, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/** The hourly cost of staff by employment type (yen, employer's costs included), per tenant. */
export const expenseRates = pgTable("expense_rates", {
  tenantId: text("tenant_id").primaryKey(),
  rates: jsonb("rates").$type<Record<string, number>>().notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
});

/**
 * 帳簿 (仕様 14): what the fee was spent on besides staff — consumables, repairs, other. Entries
 * are never changed or removed: a correction is a further entry (a negative amount), as books
 * are kept; and each is kept until its retention deadline.
 */
export const expenseEntries = pgTable(
  "expense_entries",
  {
    tenantId: text("tenant_id").notNull(),
    entryId: text("entry_id").notNull(),
    month: text("month").notNull(),
    /** consumables | repairs | other */
    category: text("category").notNull(),
    description: text("description").notNull(),
    amount: integer("amount").notNull(),
    recordedAt: timestamptz("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedByName: text("recorded_by_name").notNull(),
    retainUntil: date("retain_until").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.entryId] })],
);
