import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { investigations } from "./schema.ts";

export type Investigation = typeof investigations.$inferSelect;

export async function insertInvestigation(tx: Tx, row: Investigation): Promise<void> {
  await tx.insert(investigations).values(row);
}

export async function listInvestigations(db: Executor, tenantId: string): Promise<Investigation[]> {
  return db
    .select()
    .from(investigations)
    .where(eq(investigations.tenantId, tenantId))
    .orderBy(desc(investigations.requestedAt));
}

export async function findInvestigation(
  tx: Tx,
  tenantId: string,
  investigationId: string,
): Promise<Investigation | undefined> {
  const [row] = await tx
    .select()
    .from(investigations)
    .where(
      and(
        eq(investigations.tenantId, tenantId),
        eq(investigations.investigationId, investigationId),
      ),
    )
    .for("update");
  return row;
}

export async function updateInvestigation(
  tx: Tx,
  tenantId: string,
  investigationId: string,
  change: Partial<Investigation>,
): Promise<Investigation> {
  const [row] = await tx
    .update(investigations)
    .set(change)
    .where(
      and(
        eq(investigations.tenantId, tenantId),
        eq(investigations.investigationId, investigationId),
      ),
    )
    .returning();
  return row!;
}

/** 保存期限: how many records are kept until each day (仕様 14), for the retention report. */
export async function retentionOf(db: Executor, tenantId?: string) {
  const day = sql<string>`${investigations.retainUntil}::text`;
  return db
    .select({
      tenantId: investigations.tenantId,
      retainUntil: day,
      count: sql<number>`count(*)::int`,
    })
    .from(investigations)
    .where(tenantId ? eq(investigations.tenantId, tenantId) : undefined)
    .groupBy(investigations.tenantId, investigations.retainUntil)
    .orderBy(investigations.retainUntil);
}
