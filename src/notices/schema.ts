import { boolean, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/** 周知徹底 (仕様 8(2)キ): a notice from the leads to everyone at the counter. */
export const staffNotices = pgTable(
  "staff_notices",
  {
    tenantId: text("tenant_id").notNull(),
    noticeId: text("notice_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** Must be read before the person next opens a counter session. */
    essential: boolean("essential").notNull(),
    publishedAt: timestamptz("published_at").notNull(),
    publishedBy: text("published_by").notNull(),
    publishedByName: text("published_by_name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.noticeId] }),
    index("staff_notices_published").on(t.tenantId, t.publishedAt),
  ],
);

/** Who confirmed having read which notice, once (the key says so). */
export const noticeReads = pgTable(
  "notice_reads",
  {
    tenantId: text("tenant_id").notNull(),
    noticeId: text("notice_id").notNull(),
    userId: text("user_id").notNull(),
    readAt: timestamptz("read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.noticeId, t.userId] })],
);
