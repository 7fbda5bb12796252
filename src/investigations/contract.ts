/** Requests and responses of the investigations API (調査・照会, 仕様 9), shared with the web app. */
import { z } from "zod";
import { isoDate } from "../platform/inputs.ts";

export const INVESTIGATION_STATUSES = ["open", "answered", "closed"] as const;
export type InvestigationStatus = (typeof INVESTIGATION_STATUSES)[number];
export const INVESTIGATION_STATUS_LABELS: Record<InvestigationStatus, { ja: string; en: string }> =
  {
    open: { ja: "回答待ち", en: "Awaiting answer" },
    answered: { ja: "回答済", en: "Answered" },
    closed: { ja: "完了", en: "Closed" },
  };

export const investigationSchema = z.object({
  investigationId: z.string(),
  subject: z.string(),
  details: z.string(),
  period: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(INVESTIGATION_STATUSES),
  overdue: z.boolean(),
  requestedAt: z.string(),
  requestedByName: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type InvestigationOut = z.infer<typeof investigationSchema>;

export const investigationInput = z.object({
  subject: z.string().trim().min(1).max(120),
  details: z.string().trim().min(1).max(4000),
  period: z.string().trim().max(10).optional(),
  dueDate: isoDate,
});
export const answerInput = z.object({ answer: z.string().trim().min(1).max(8000) });
export const investigationParams = z.object({ investigationId: z.string().max(64) });
