import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { noticeReads, staffNotices } from "./schema.ts";

export type NoticeRow = typeof staffNotices.$inferSelect;
type ReadRow = typeof noticeReads.$inferSelect;

export async function insertNotice(tx: Tx, row: NoticeRow) {
  await tx.insert(staffNotices).values(row);
}

/** A confirmation, once per person and notice (the key); false when it was already there. */
export async function insertRead(tx: Tx, row: ReadRow): Promise<boolean> {
  const inserted = await tx.insert(noticeReads).values(row).onConflictDoNothing().returning();
  return inserted.length > 0;
}

export const newestNotices = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(staffNotices)
    .where(eq(staffNotices.tenantId, tenantId))
    .orderBy(desc(staffNotices.publishedAt))
    .limit(100);

export async function noticeExists(db: Executor, tenantId: string, noticeId: string) {
  const [row] = await db
    .select({ id: staffNotices.noticeId })
    .from(staffNotices)
    .where(and(eq(staffNotices.tenantId, tenantId), eq(staffNotices.noticeId, noticeId)));
  return row !== undefined;
}

/** What one person has confirmed among the notices given. */
export async function readsOf(db: Executor, tenantId: string, userId: string, noticeIds: string[]) {
  if (noticeIds.length === 0) return [];
  return db
    .select()
    .from(noticeReads)
    .where(
      and(
        eq(noticeReads.tenantId, tenantId),
        eq(noticeReads.userId, userId),
        inArray(noticeReads.noticeId, noticeIds),
      ),
    );
}

export const readsOfNotice = (db: Executor, tenantId: string, noticeId: string) =>
  db
    .select()
    .from(noticeReads)
    .where(and(eq(noticeReads.tenantId, tenantId), eq(noticeReads.noticeId, noticeId)));
