import { sql } from "drizzle-orm";
import { date, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * 日次報告書・月次業務完了報告書 (仕様 9): every submitted version of a report, its figures frozen
 * as submitted, with the city's decision on it. Versions are never changed but by that decision:
 * a returned report is submitted again as the next version, and all of them are kept.
 */
export const reports = pgTable(
  "reports",
  {
    tenantId: text("tenant_id").notNull(),
    reportId: text("report_id").notNull(),
    /** daily | monthly */
    kind: text("kind").notNull(),
    /** The day (2026-08-03) or the month (2026-08) reported on. */
    period: text("period").notNull(),
    version: integer("version").notNull(),
    /** submitted → accepted (検査済・確認済) or returned (差戻し). */
    status: text("status").notNull(),
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull(),
    remarks: text("remarks").notNull(),
    submittedAt: timestamptz("submitted_at").notNull(),
    submittedBy: text("submitted_by").notNull(),
    submittedByName: text("submitted_by_name").notNull(),
    decidedAt: timestamptz("decided_at"),
    decidedBy: text("decided_by"),
    decidedByName: text("decided_by_name"),
    /** The city's comments on a returned (or accepted) version. */
    comment: text("comment"),
    /** 保存期限 (仕様 14): not deleted before this day (platform/retention.ts). */
    retainUntil: date("retain_until").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.reportId] }),
    uniqueIndex("reports_version").on(t.tenantId, t.kind, t.period, t.version),
    // One version awaiting the city at a time, and one accepted version at most: a second
    // submission or acceptance racing the first fails in the database.
    uniqueIndex("reports_one_pending")
      .on(t.tenantId, t.kind, t.period)
      .where(sql`status = 'submitted'`),
    uniqueIndex("reports_one_accepted")
      .on(t.tenantId, t.kind, t.period)
      .where(sql`status = 'accepted'`),
  ],
);
