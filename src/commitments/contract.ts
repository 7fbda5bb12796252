/** Requests and responses of the register of the proposal's commitments (提案事項), shared with the web app. */
import { z } from "zod";
import { isoMonth } from "../platform/inputs.ts";
import { CADENCES } from "./rules.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
export const CATEGORIES = [
  "staffing",
  "service",
  "training",
  "security",
  "improvement",
  "other",
] as const;
export const STATES = ["planned", "in_progress", "fulfilled", "not_fulfilled"] as const;
export const commitmentInput = z.object({
  /** Where the proposal says it: 提案書の項番, e.g. "3-2". */
  ref: text(40),
  title: text(200),
  detail: text(4000),
  category: z.enum(CATEGORIES),
  cadence: z.enum(CADENCES),
  /** The first month it is owed. */
  fromMonth: isoMonth,
});
export const stateInput = z.object({ state: z.enum(STATES), note: text(2000).optional() });

export const METRICS = ["visits", "mean_wait", "within_target", "phone_calls", "no_shows"] as const;
const note = text(2000).optional();
/** What shows a commitment kept: a record of the system, or a document kept elsewhere. */
export const evidenceInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("report"),
    reportKind: z.enum(["daily", "monthly"]),
    period: z.string().max(10),
    note,
  }),
  z.object({ kind: z.literal("training"), sessionId: z.string().max(64), note }),
  z.object({ kind: z.literal("figure"), metric: z.enum(METRICS), month: isoMonth, note }),
  z.object({ kind: z.literal("manual"), versionId: z.string().uuid(), note }),
  z.object({ kind: z.literal("proposal"), proposalId: z.string().uuid(), note }),
  z.object({ kind: z.literal("document"), title: text(200), month: isoMonth, note }),
]);
export type EvidenceInput = z.infer<typeof evidenceInput>;
export const EVIDENCE_KINDS = [
  "report",
  "training",
  "figure",
  "manual",
  "proposal",
  "document",
] as const;

export const REVIEWS = ["confirmed", "concern"] as const;
export const reviewInput = z.object({ verdict: z.enum(REVIEWS), comment: text(2000) });

export const evidenceSchema = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  ref: z.string(),
  /** The month it shows the commitment kept in. */
  month: z.string(),
  label: z.string(),
  /** A dashboard figure as it stood when attached. */
  value: z.number().nullable(),
  note: z.string().nullable(),
  addedByName: z.string(),
  addedAt: z.string(),
});
export const commitmentSchema = commitmentInput.extend({
  id: z.string(),
  state: z.enum(STATES),
  stateNote: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  /** Whole months owed with no evidence. */
  missingMonths: z.array(z.string()),
  review: z
    .object({
      verdict: z.enum(REVIEWS),
      comment: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .nullable(),
  updatedAt: z.string(),
});
export type CommitmentOut = z.infer<typeof commitmentSchema>;

export const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], { ja: string; en: string }> = {
  staffing: { ja: "人員体制", en: "Staffing" },
  service: { ja: "サービス水準", en: "Service level" },
  training: { ja: "研修", en: "Training" },
  security: { ja: "情報セキュリティ", en: "Information security" },
  improvement: { ja: "業務改善", en: "Improvement" },
  other: { ja: "その他", en: "Other" },
};
export const STATE_LABELS: Record<(typeof STATES)[number], { ja: string; en: string }> = {
  planned: { ja: "未着手", en: "Planned" },
  in_progress: { ja: "履行中", en: "In progress" },
  fulfilled: { ja: "履行済", en: "Fulfilled" },
  not_fulfilled: { ja: "未履行", en: "Not fulfilled" },
};
export const CADENCE_LABELS: Record<(typeof CADENCES)[number], { ja: string; en: string }> = {
  once: { ja: "一度", en: "Once" },
  monthly: { ja: "毎月", en: "Every month" },
};
export const EVIDENCE_LABELS: Record<(typeof EVIDENCE_KINDS)[number], { ja: string; en: string }> =
  {
    report: { ja: "報告書", en: "Report" },
    training: { ja: "研修記録", en: "Training record" },
    figure: { ja: "実績値", en: "Figure" },
    manual: { ja: "運営マニュアル", en: "Manual" },
    proposal: { ja: "改善提案", en: "Proposal" },
    document: { ja: "書類", en: "Document" },
  };
export const METRIC_LABELS: Record<
  (typeof METRICS)[number],
  { ja: string; en: string; unit: string }
> = {
  visits: { ja: "来庁者数", en: "Visitors", unit: "人" },
  mean_wait: { ja: "平均待ち時間", en: "Mean wait", unit: "分" },
  within_target: { ja: "目標時間内の割合", en: "Within target", unit: "%" },
  phone_calls: { ja: "電話対応件数", en: "Phone calls", unit: "件" },
  no_shows: { ja: "不来庁件数", en: "No-shows", unit: "件" },
};
export const REVIEW_LABELS: Record<(typeof REVIEWS)[number], { ja: string; en: string }> = {
  confirmed: { ja: "市確認済", en: "Confirmed by the city" },
  concern: { ja: "要改善", en: "Needs improvement" },
};
