import { and, asc, eq } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { retentionCounts } from "../platform/retention.ts";
import { expenseEntries, expenseRates } from "./schema.ts";

export type ExpenseEntry = typeof expenseEntries.$inferSelect;

export async function findRates(db: Executor, tenantId: string) {
  const [row] = await db.select().from(expenseRates).where(eq(expenseRates.tenantId, tenantId));
  return row;
}

export async function saveRates(tx: Tx, row: typeof expenseRates.$inferInsert): Promise<void> {
  await tx
    .insert(expenseRates)
    .values(row)
    .onConflictDoUpdate({
      target: expenseRates.tenantId,
      set: { rates: row.rates, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}

export async function insertEntry(tx: Tx, row: ExpenseEntry): Promise<void> {
  await tx.insert(expenseEntries).values(row);
}

export async function entriesOf(db: Executor, tenantId: string, month: string) {
  return db
    .select()
    .from(expenseEntries)
    .where(and(eq(expenseEntries.tenantId, tenantId), eq(expenseEntries.month, month)))
    .orderBy(asc(expenseEntries.recordedAt));
}

/** 保存期限: how many are kept until each day (仕様 14), for the retention report. */
export const retentionOf = (db: Executor, tenantId?: string) =>
  retentionCounts(db, expenseEntries, tenantId);
