/** Requests and responses of subcontracting consents (再委託の承諾), shared with the web app. */
import { z } from "zod";
import { isoDate } from "../platform/inputs.ts";
import { AREAS } from "./rules.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
export const requestInput = z
  .object({
    subcontractor: text(200),
    address: text(300),
    areas: z.array(z.enum(AREAS)).min(1).max(AREAS.length),
    /** What exactly they would do. */
    scope: text(4000),
    reason: text(4000),
    periodFrom: isoDate,
    periodTo: isoDate,
    handlesPersonalData: z.boolean(),
    /** How personal data is protected there (required when they handle it). */
    safeguards: z.string().trim().max(4000),
  })
  .refine((r) => r.periodFrom <= r.periodTo, { message: "period", path: ["periodTo"] })
  .refine((r) => !r.handlesPersonalData || r.safeguards.length > 0, {
    message: "safeguards",
    path: ["safeguards"],
  });
export const DECISIONS = ["consented", "refused"] as const;
export const decisionInput = z.object({
  decision: z.enum(DECISIONS),
  /** The city's written consent: its document number (文書番号) and date. */
  documentNumber: text(100),
  decidedOn: isoDate,
  conditions: z.string().trim().max(4000),
});
export const STATES = ["requested", ...DECISIONS, "withdrawn"] as const;
export const requestSchema = z.object({
  id: z.string(),
  subcontractor: z.string(),
  address: z.string(),
  areas: z.array(z.enum(AREAS)),
  scope: z.string(),
  reason: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  handlesPersonalData: z.boolean(),
  safeguards: z.string(),
  state: z.enum(STATES),
  inForce: z.boolean(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decision: decisionInput.extend({ byName: z.string(), at: z.string() }).nullable(),
});
export type SubcontractOut = z.infer<typeof requestSchema>;

export const AREA_LABELS: Record<(typeof AREAS)[number], { ja: string; en: string }> = {
  counter: { ja: "窓口業務（主たる部分）", en: "Counter (main part)" },
  phone: { ja: "電話対応", en: "Phone line" },
  back_office: { ja: "事務補助・カード管理", en: "Back office and card stock" },
  insurance: { ja: "保険証・公金受取口座の登録支援", en: "Insurance and public-fund registration" },
  training: { ja: "研修の実施", en: "Training" },
  other: { ja: "その他の付随業務", en: "Other ancillary work" },
};
export const STATE_LABELS: Record<(typeof STATES)[number], { ja: string; en: string }> = {
  requested: { ja: "承諾申請中", en: "Requested" },
  consented: { ja: "承諾", en: "Consented" },
  refused: { ja: "不承諾", en: "Refused" },
  withdrawn: { ja: "取下げ", en: "Withdrawn" },
};
