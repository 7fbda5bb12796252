/** Requests and responses of the payments API (委託料・請求), shared with the web app. */
import { z } from "zod";
import { isoMonth } from "../platform/inputs.ts";
import { FEE_MODELS, TAX_ROUNDINGS } from "./amounts.ts";

export const PAYMENT_STATUSES = ["pending", "claimable", "claimed", "paid"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, { ja: string; en: string }> = {
  pending: { ja: "検査前", en: "Not yet inspected" },
  claimable: { ja: "請求可能", en: "Claimable" },
  claimed: { ja: "請求済", en: "Claimed" },
  paid: { ja: "支払済", en: "Paid" },
};
export const PAYMENT_KIND_LABELS = {
  partial: { ja: "部分払", en: "Partial payment" },
  completion: { ja: "完了払", en: "Completion payment" },
} as const;
export const FEE_MODEL_LABELS: Record<(typeof FEE_MODELS)[number], { ja: string; en: string }> = {
  fixed: { ja: "月額固定", en: "Fixed monthly fee" },
  unit: { ja: "単価×件数", en: "Unit prices × counts" },
  mixed: { ja: "月額＋単価×件数", en: "Fixed fee and unit prices" },
};
export const TAX_ROUNDING_LABELS: Record<
  (typeof TAX_ROUNDINGS)[number],
  { ja: string; en: string }
> = {
  floor: { ja: "切り捨て", en: "Round down" },
  round: { ja: "四捨五入", en: "Round half up" },
  ceil: { ja: "切り上げ", en: "Round up" },
};

const yen = z.number().int().min(0).max(10_000_000_000);
export const contractTermsSchema = z.object({
  contractor: z.object({
    name: z.string().trim().min(1).max(100),
    registrationNumber: z
      .string()
      .regex(/^T\d{13}$/, "invalid_registration_number")
      .nullable(),
  }),
  feeModel: z.enum(FEE_MODELS),
  monthlyFee: yen,
  unitPrices: z.record(z.string().max(40), yen),
  monthlyCap: yen.nullable(),
  taxRatePercent: z.number().min(0).max(100),
  taxRounding: z.enum(TAX_ROUNDINGS),
  schedule: z
    .array(z.object({ month: isoMonth, kind: z.enum(["partial", "completion"]) }))
    .min(1)
    .max(60),
});

export const paymentAmountSchema = z.object({
  fixed: z.number().int(),
  lines: z.array(
    z.object({
      category: z.string(),
      count: z.number().int(),
      unitPrice: z.number().int(),
      amount: z.number().int(),
    }),
  ),
  subtotal: z.number().int(),
  capped: z.boolean(),
  taxable: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
});

export const paymentMonthSchema = z.object({
  month: z.string(),
  kind: z.enum(["partial", "completion"]),
  status: z.enum(PAYMENT_STATUSES),
  /** Where the month's report stands (draft, submitted, returned, accepted). */
  reportStatus: z.string(),
  /** Claimed: the amount claimed; claimable: what the accepted report gives; else null. */
  amount: paymentAmountSchema.nullable(),
  invoiceNumber: z.string().nullable(),
  claimedAt: z.string().nullable(),
  claimedByName: z.string().nullable(),
  paidAt: z.string().nullable(),
  paidByName: z.string().nullable(),
});
export type PaymentMonth = z.infer<typeof paymentMonthSchema>;

export const paymentOverviewSchema = z.object({
  terms: contractTermsSchema.nullable(),
  months: z.array(paymentMonthSchema),
  paidTotal: z.number().int(),
  claimedTotal: z.number().int(),
});
export type PaymentOverview = z.infer<typeof paymentOverviewSchema>;

export const paymentMonthParams = z.object({ month: isoMonth });
