import { date, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * 調査 (仕様 9): what the city asks the contractor to explain or show, with a date to answer by,
 * and the contractor's answer; the city closes it when satisfied. Kept as a record of supervision.
 */
export const investigations = pgTable(
  "investigations",
  {
    tenantId: text("tenant_id").notNull(),
    investigationId: text("investigation_id").notNull(),
    subject: text("subject").notNull(),
    details: text("details").notNull(),
    /** The period the request concerns, if any (2026-07, 2026-07-06). */
    period: text("period"),
    dueDate: date("due_date").notNull(),
    requestedAt: timestamptz("requested_at").notNull(),
    requestedBy: text("requested_by").notNull(),
    requestedByName: text("requested_by_name").notNull(),
    answer: text("answer"),
    answeredAt: timestamptz("answered_at"),
    answeredBy: text("answered_by"),
    answeredByName: text("answered_by_name"),
    closedAt: timestamptz("closed_at"),
    closedBy: text("closed_by"),
    /** 保存期限 (仕様 14): not deleted before this day (platform/retention.ts). */
    retainUntil: date("retain_until").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.investigationId] })],
);
