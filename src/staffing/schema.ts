import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * 要員計画: a month's plan as the planner made it (demand, requirement, the simulated level) and
 * the shifts as the manager left them after hand edits. Every plan is kept; the newest of a
 * month is the one shown, and publishing writes its shifts to the roster.
 */
export const staffingPlans = pgTable(
  "staffing_plans",
  {
    tenantId: text("tenant_id").notNull(),
    planId: text("plan_id").notNull(),
    month: text("month").notNull(),
    /** The planner's result (StaffingPlan) and the people it planned for (PlanPerson[]). */
    plan: jsonb("plan").$type<Record<string, unknown>>().notNull(),
    people: jsonb("people").$type<unknown[]>().notNull(),
    /** The shifts now: the planner's, then as edited by hand. */
    shifts: jsonb("shifts").$type<unknown[]>().notNull(),
    createdAt: timestamptz("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    editedAt: timestamptz("edited_at"),
    publishedAt: timestamptz("published_at"),
    publishedBy: text("published_by"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId] }),
    index("staffing_plans_month").on(t.tenantId, t.month),
  ],
);

/**
 * The tenant's service-level targets for the planner (80 % called within 15 minutes, 80 % of calls
 * answered within 20 s, 10 % shrinkage unless set); a plan keeps the targets it was made for.
 */
export const staffingSettings = pgTable("staffing_settings", {
  tenantId: text("tenant_id").primaryKey(),
  targets: jsonb("targets")
    .$type<{
      counterServiceLevel: number;
      counterWaitMinutes: number;
      phoneServiceLevel: number;
      phoneWaitSeconds: number;
      shrinkage: number;
    }>()
    .notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
});
