import { doublePrecision, index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/** 提案事項 (仕様 14): what the contractor's proposal promised, part of the specification. */
export const commitments = pgTable(
  "commitments",
  {
    tenantId: text("tenant_id").notNull(),
    commitmentId: text("commitment_id").notNull(),
    ref: text("ref").notNull(),
    title: text("title").notNull(),
    detail: text("detail").notNull(),
    category: text("category").notNull(),
    cadence: text("cadence").notNull(),
    fromMonth: text("from_month").notNull(),
    state: text("state").notNull(),
    stateNote: text("state_note"),
    /** The city's latest word on it; earlier ones stay in the audit trail. */
    review: jsonb("review").$type<{
      verdict: string;
      comment: string;
      byName: string;
      at: string;
    } | null>(),
    createdBy: text("created_by").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.commitmentId] })],
);

/** Evidence of a commitment kept: appended, never changed (a trigger refuses it). */
export const commitmentEvidence = pgTable(
  "commitment_evidence",
  {
    tenantId: text("tenant_id").notNull(),
    evidenceId: text("evidence_id").notNull(),
    commitmentId: text("commitment_id").notNull(),
    kind: text("kind").notNull(),
    ref: text("ref").notNull(),
    month: text("month").notNull(),
    label: text("label").notNull(),
    value: doublePrecision("value"),
    note: text("note"),
    addedBy: text("added_by").notNull(),
    addedByName: text("added_by_name").notNull(),
    addedAt: timestamptz("added_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.evidenceId] }),
    index("commitment_evidence_of").on(t.tenantId, t.commitmentId),
  ],
);
