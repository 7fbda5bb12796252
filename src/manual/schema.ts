import { index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * 運営マニュアル (仕様 8(2)オ): versions written in the app (Markdown); a new version is a draft
 * until the city confirms it (確認). Only the newest confirmed version reaches the counter; every
 * version stays on record.
 */
export const manualVersions = pgTable(
  "manual_versions",
  {
    tenantId: text("tenant_id").notNull(),
    versionId: text("version_id").notNull(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    state: text("state").notNull(),
    createdAt: timestamptz("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    confirmedAt: timestamptz("confirmed_at"),
    confirmedBy: text("confirmed_by"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.versionId] }),
    uniqueIndex("manual_versions_number").on(t.tenantId, t.number),
    index("manual_versions_state").on(t.tenantId, t.state),
  ],
);
