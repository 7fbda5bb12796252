import { boolean, date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * 備品台帳 (仕様 7): what the city lends and what the contractor brings, one list. The queue's
 * terminals are the items of kind integrated_terminal and resident_record_terminal, with the
 * same ids (T1…T5, R1): a faulty terminal is out of the queue's capacity at once.
 */
export const equipmentItems = pgTable(
  "equipment_items",
  {
    tenantId: text("tenant_id").notNull(),
    itemId: text("item_id").notNull(),
    kind: text("kind").notNull(),
    nameJa: text("name_ja").notNull(),
    /** 市の貸与 (city) or 受託者の持込 (contractor). */
    owner: text("owner").notNull(),
    location: text("location"),
    /** The counter it serves, if any. */
    counterId: text("counter_id"),
    state: text("state").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.itemId] }),
    index("equipment_kind").on(t.tenantId, t.kind),
  ],
);

/** 故障・破損: what happened, and whether the contractor pays for the repair (仕様 7). */
export const equipmentFaults = pgTable(
  "equipment_faults",
  {
    tenantId: text("tenant_id").notNull(),
    faultId: text("fault_id").notNull(),
    itemId: text("item_id").notNull(),
    description: text("description").notNull(),
    contractorLiable: boolean("contractor_liable").notNull(),
    reportedAt: timestamptz("reported_at").notNull(),
    reportedBy: text("reported_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.faultId] }),
    index("equipment_faults_item").on(t.tenantId, t.itemId),
  ],
);

/** 修理: sent for repair, back in service, at what cost and to whom. */
export const equipmentRepairs = pgTable(
  "equipment_repairs",
  {
    tenantId: text("tenant_id").notNull(),
    repairId: text("repair_id").notNull(),
    itemId: text("item_id").notNull(),
    startedOn: date("started_on").notNull(),
    finishedOn: date("finished_on"),
    vendor: text("vendor"),
    costYen: integer("cost_yen"),
    note: text("note"),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.repairId] }),
    index("equipment_repairs_item").on(t.tenantId, t.itemId),
  ],
);
