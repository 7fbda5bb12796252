import { and, asc, eq } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { retentionCounts } from "../platform/retention.ts";
import { contractTerms, paymentClaims } from "./schema.ts";

export type TermsRow = typeof contractTerms.$inferSelect;
export type ClaimRow = typeof paymentClaims.$inferSelect;

export async function findTerms(db: Executor, tenantId: string): Promise<TermsRow | undefined> {
  const [row] = await db.select().from(contractTerms).where(eq(contractTerms.tenantId, tenantId));
  return row;
}

export async function saveTerms(tx: Tx, row: TermsRow): Promise<void> {
  await tx
    .insert(contractTerms)
    .values(row)
    .onConflictDoUpdate({
      target: contractTerms.tenantId,
      set: { terms: row.terms, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}

export async function listClaims(db: Executor, tenantId: string): Promise<ClaimRow[]> {
  return db
    .select()
    .from(paymentClaims)
    .where(eq(paymentClaims.tenantId, tenantId))
    .orderBy(asc(paymentClaims.month));
}

export async function findClaim(
  db: Executor,
  tenantId: string,
  month: string,
  forUpdate = false,
): Promise<ClaimRow | undefined> {
  const query = db
    .select()
    .from(paymentClaims)
    .where(and(eq(paymentClaims.tenantId, tenantId), eq(paymentClaims.month, month)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertClaim(tx: Tx, row: ClaimRow): Promise<void> {
  await tx.insert(paymentClaims).values(row);
}

export async function markClaimPaid(
  tx: Tx,
  tenantId: string,
  month: string,
  paid: Pick<ClaimRow, "paidAt" | "paidBy" | "paidByName">,
): Promise<ClaimRow> {
  const [row] = await tx
    .update(paymentClaims)
    .set(paid)
    .where(and(eq(paymentClaims.tenantId, tenantId), eq(paymentClaims.month, month)))
    .returning();
  return row!;
}

/** 保存期限: how many are kept until each day (仕様 14), for the retention report. */
export const retentionOf = (db: Executor, tenantId?: string) =>
  retentionCounts(db, paymentClaims, tenantId);
