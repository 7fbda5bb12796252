/** Requests and responses of improvement proposals (業務改善提案), shared with the web app. */
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);
export const proposalInput = z.object({
  title: text(200),
  problem: text(4000),
  measure: text(4000),
  effect: text(4000),
  /** From the records: a report month, a dashboard figure, an incident. */
  evidence: text(4000),
});
export const DECISIONS = ["accepted", "rejected", "needs_discussion"] as const;
export const decisionInput = z.object({ decision: z.enum(DECISIONS), comment: text(4000) });
export const implementationInput = z.object({
  kind: z.enum(["manual", "configuration", "training", "other"]),
  ref: text(200),
});
export const STATES = ["draft", "submitted", ...DECISIONS] as const;
export const proposalSchema = proposalInput.extend({
  id: z.string(),
  state: z.enum(STATES),
  draftedByName: z.string(),
  draftedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  implementedBy: z.array(z.object({ kind: z.string(), ref: z.string(), at: z.string() })),
});
export type ProposalOut = z.infer<typeof proposalSchema>;
export const STATE_LABELS: Record<(typeof STATES)[number], { ja: string; en: string }> = {
  draft: { ja: "下書き", en: "Draft" },
  submitted: { ja: "市の判断待ち", en: "Awaiting the city" },
  accepted: { ja: "採用", en: "Accepted" },
  rejected: { ja: "不採用", en: "Rejected" },
  needs_discussion: { ja: "要協議", en: "Needs discussion" },
};
