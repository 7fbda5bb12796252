import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * 業務改善提案 (仕様 4, 8(3)): the contractor's team drafts (problem, measure, expected effect,
 * evidence from the records), the manager submits, the city decides with comments; an accepted
 * proposal names what implements it (a manual version, a configuration change).
 */
export const proposals = pgTable(
  "improvement_proposals",
  {
    tenantId: text("tenant_id").notNull(),
    proposalId: text("proposal_id").notNull(),
    title: text("title").notNull(),
    problem: text("problem").notNull(),
    measure: text("measure").notNull(),
    effect: text("effect").notNull(),
    evidence: text("evidence").notNull(),
    state: text("state").notNull(),
    draftedBy: text("drafted_by").notNull(),
    draftedByName: text("drafted_by_name").notNull(),
    draftedAt: timestamptz("drafted_at").notNull(),
    submittedAt: timestamptz("submitted_at"),
    decidedAt: timestamptz("decided_at"),
    decisionComment: text("decision_comment"),
    /** What put an accepted proposal into effect: e.g. {"kind":"manual","ref":"第3版"}. */
    implementedBy: jsonb("implemented_by")
      .$type<{ kind: string; ref: string; at: string }[]>()
      .notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.proposalId] }),
    index("proposals_state").on(t.tenantId, t.state),
  ],
);
