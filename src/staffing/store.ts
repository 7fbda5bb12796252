import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../platform/db/index.ts";
import { staffingPlans, staffingSettings } from "./schema.ts";

export type StaffingPlanRow = typeof staffingPlans.$inferSelect;

export async function insertPlan(db: Executor, row: StaffingPlanRow): Promise<void> {
  await db.insert(staffingPlans).values(row);
}

export async function newestPlan(db: Executor, tenantId: string, month: string) {
  const [row] = await db
    .select()
    .from(staffingPlans)
    .where(and(eq(staffingPlans.tenantId, tenantId), eq(staffingPlans.month, month)))
    .orderBy(desc(staffingPlans.createdAt))
    .limit(1);
  return row;
}

export async function findPlan(db: Executor, tenantId: string, planId: string, forUpdate = false) {
  const query = db
    .select()
    .from(staffingPlans)
    .where(and(eq(staffingPlans.tenantId, tenantId), eq(staffingPlans.planId, planId)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function updatePlan(
  db: Executor,
  tenantId: string,
  planId: string,
  patch: Partial<Pick<StaffingPlanRow, "shifts" | "editedAt" | "publishedAt" | "publishedBy">>,
): Promise<void> {
  await db
    .update(staffingPlans)
    .set(patch)
    .where(and(eq(staffingPlans.tenantId, tenantId), eq(staffingPlans.planId, planId)));
}

export type StaffingSettingsRow = typeof staffingSettings.$inferSelect;

export async function findSettings(db: Executor, tenantId: string) {
  const [row] = await db
    .select()
    .from(staffingSettings)
    .where(eq(staffingSettings.tenantId, tenantId));
  return row;
}

export async function saveSettings(db: Executor, row: StaffingSettingsRow): Promise<void> {
  await db
    .insert(staffingSettings)
    .values(row)
    .onConflictDoUpdate({
      target: staffingSettings.tenantId,
      set: { targets: row.targets, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}
