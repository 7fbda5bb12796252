import { boolean, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/** 再委託の承諾 (仕様 14): the contractor's request and the city's written answer, on record. */
export const subcontractRequests = pgTable(
  "subcontract_requests",
  {
    tenantId: text("tenant_id").notNull(),
    requestId: text("request_id").notNull(),
    subcontractor: text("subcontractor").notNull(),
    address: text("address").notNull(),
    areas: jsonb("areas").$type<string[]>().notNull(),
    scope: text("scope").notNull(),
    reason: text("reason").notNull(),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    handlesPersonalData: boolean("handles_personal_data").notNull(),
    safeguards: text("safeguards").notNull(),
    state: text("state").notNull(),
    requestedBy: text("requested_by").notNull(),
    requestedByName: text("requested_by_name").notNull(),
    requestedAt: timestamptz("requested_at").notNull(),
    decision: jsonb("decision").$type<{
      decision: string;
      documentNumber: string;
      decidedOn: string;
      conditions: string;
      byName: string;
      at: string;
    } | null>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.requestId] })],
);
