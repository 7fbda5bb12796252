import { desc, eq } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { continuityPlans } from "./schema.ts";

export type ContinuityPlanRow = typeof continuityPlans.$inferSelect;

/** The newest version of the arrangement, if one was ever saved. */
export async function latestPlan(db: Executor, tenantId: string) {
  const [row] = await db
    .select()
    .from(continuityPlans)
    .where(eq(continuityPlans.tenantId, tenantId))
    .orderBy(desc(continuityPlans.version))
    .limit(1);
  return row;
}

/** A new version (the primary key refuses a second writer of the same number). */
export async function insertPlan(tx: Tx, row: ContinuityPlanRow) {
  const [inserted] = await tx.insert(continuityPlans).values(row).returning();
  return inserted!;
}
