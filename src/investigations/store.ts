import { and, desc, eq } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { retentionCounts } from "../platform/retention.ts";
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

/** 保存期限: how many are kept until each day (仕様 14), for the retention report. */
export const retentionOf = (db: Executor, tenantId?: string) =>
  retentionCounts(db, investigations, tenantId);
