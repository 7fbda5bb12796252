import { and, desc, eq } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { subcontractRequests } from "./schema.ts";

export type SubcontractRequest = typeof subcontractRequests.$inferSelect;

export async function insertRequest(tx: Tx, row: SubcontractRequest) {
  await tx.insert(subcontractRequests).values(row);
}

export async function lockRequest(tx: Tx, tenantId: string, requestId: string) {
  const [row] = await tx
    .select()
    .from(subcontractRequests)
    .where(
      and(eq(subcontractRequests.tenantId, tenantId), eq(subcontractRequests.requestId, requestId)),
    )
    .for("update");
  return row;
}

export async function updateRequest(
  tx: Tx,
  row: SubcontractRequest,
  change: Partial<SubcontractRequest>,
) {
  const [updated] = await tx
    .update(subcontractRequests)
    .set(change)
    .where(
      and(
        eq(subcontractRequests.tenantId, row.tenantId),
        eq(subcontractRequests.requestId, row.requestId),
      ),
    )
    .returning();
  return updated!;
}

export const listRequests = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(subcontractRequests)
    .where(eq(subcontractRequests.tenantId, tenantId))
    .orderBy(desc(subcontractRequests.requestedAt));
