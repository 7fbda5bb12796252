/** Requests and responses of incidents (事故・障害) and emergency calls, shared with the web app. */
import { z } from "zod";

export const INCIDENT_KINDS = [
  "system_outage",
  "equipment_fault",
  "security_event",
  "accident_injury",
  "disaster",
  "complaint",
] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const ENTRY_KINDS = [
  "report",
  "notice",
  "instruction",
  "action",
  "note",
  "closure",
] as const;

export const INCIDENT_KIND_LABELS: Record<
  (typeof INCIDENT_KINDS)[number],
  { ja: string; en: string }
> = {
  system_outage: { ja: "システム障害", en: "System outage" },
  equipment_fault: { ja: "機器の故障", en: "Equipment fault" },
  security_event: { ja: "情報セキュリティ事故", en: "Information-security event" },
  accident_injury: { ja: "事故・負傷", en: "Accident or injury" },
  disaster: { ja: "災害", en: "Disaster" },
  complaint: { ja: "苦情", en: "Complaint" },
};
export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], { ja: string; en: string }> = {
  low: { ja: "軽微", en: "Low" },
  medium: { ja: "中", en: "Medium" },
  high: { ja: "重大", en: "High" },
  critical: { ja: "緊急", en: "Critical" },
};
export const ENTRY_KIND_LABELS: Record<(typeof ENTRY_KINDS)[number], { ja: string; en: string }> = {
  report: { ja: "報告", en: "Reported" },
  notice: { ja: "市へ通知", en: "City notified" },
  instruction: { ja: "市の指示", en: "City's instruction" },
  action: { ja: "対応", en: "Action" },
  note: { ja: "記録", en: "Note" },
  closure: { ja: "終結", en: "Closed" },
};

const text = (max: number) => z.string().trim().min(1).max(max);
export const reportInput = z.object({
  kind: z.enum(INCIDENT_KINDS),
  severity: z.enum(SEVERITIES),
  summary: text(2000),
  occurredAt: z.string().datetime({ offset: true }),
  /** Who was affected: described without personal data where possible. */
  affected: text(1000).optional(),
});
export const entryInput = z.object({
  kind: z.enum(["instruction", "action", "note"]),
  text: text(4000),
});
export const closeInput = z.object({
  recurrencePrevention: text(4000),
  text: text(2000).optional(),
});
export const incidentParams = z.object({ id: z.string().uuid() });

export const entrySchema = z.object({
  id: z.string(),
  kind: z.enum(ENTRY_KINDS),
  text: z.string(),
  at: z.string(),
  actorRole: z.string(),
  actorName: z.string(),
});
export const incidentSchema = z.object({
  id: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  severity: z.enum(SEVERITIES),
  summary: z.string(),
  affected: z.string().nullable(),
  occurredAt: z.string(),
  reportedAt: z.string(),
  state: z.enum(["open", "closed"]),
  cityNotifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  recurrencePrevention: z.string().nullable(),
  entries: z.array(entrySchema),
});
export type IncidentOut = z.infer<typeof incidentSchema>;

export const emergencyInput = z.object({
  counter: z.string().min(1).max(20),
  /** 不審・威圧的な来庁者 or 急病人: what the caller chose, if they had a second. */
  reason: z.enum(["aggressive_visitor", "sudden_illness", "other"]).optional(),
});
export const EMERGENCY_REASON_LABELS = {
  aggressive_visitor: { ja: "威圧的・不審な来庁者", en: "Aggressive visitor" },
  sudden_illness: { ja: "急病人", en: "Sudden illness" },
  other: { ja: "緊急", en: "Emergency" },
} as const;
export const emergencySchema = z.object({
  id: z.string(),
  counter: z.string(),
  reason: z.enum(["aggressive_visitor", "sudden_illness", "other"]),
  raisedAt: z.string(),
  raisedByName: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type EmergencyOut = z.infer<typeof emergencySchema>;
export const closeEmergencyInput = z.object({ note: text(2000) });
