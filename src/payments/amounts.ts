import { REPORT_CATEGORIES } from "../reports/monthly.ts";

/**
 * 委託料 (仕様 13): what a month's payment comes to under the contract's terms. Pure.
 *
 * The contract sets a fixed monthly fee, unit prices per category of the reference figures
 * (仕様 8(5)) times the inspected counts, or both, optionally capped; consumption tax is added
 * on the month's amount and rounded as the contract says (切り捨て・四捨五入・切り上げ). Yen are
 * integers throughout; only the tax is ever fractional before rounding.
 */

export const FEE_MODELS = ["fixed", "unit", "mixed"] as const;
export type FeeModel = (typeof FEE_MODELS)[number];
export const TAX_ROUNDINGS = ["floor", "round", "ceil"] as const;
export type TaxRounding = (typeof TAX_ROUNDINGS)[number];

export interface ContractTerms {
  /** The contractor as its invoices name it, with its qualified-invoice number (T + 13 digits). */
  contractor: { name: string; registrationNumber: string | null };
  feeModel: FeeModel;
  /** Yen a month before tax (used by fixed and mixed). */
  monthlyFee: number;
  /** Yen per completed case before tax, by category (used by unit and mixed). */
  unitPrices: Record<string, number>;
  /** The month's amount before tax never exceeds this (null: no cap). */
  monthlyCap: number | null;
  /** e.g. 10 for 10 %. */
  taxRatePercent: number;
  taxRounding: TaxRounding;
  /** The payment months: 11 partial payments and the completion payment (仕様 13). */
  schedule: { month: string; kind: "partial" | "completion" }[];
}

export interface PaymentLine {
  category: string;
  count: number;
  unitPrice: number;
  amount: number;
}

export interface PaymentAmount {
  fixed: number;
  lines: PaymentLine[];
  /** Before the cap and tax. */
  subtotal: number;
  capped: boolean;
  /** Before tax, after the cap. */
  taxable: number;
  tax: number;
  total: number;
}

/** Consumption tax on an amount, rounded as agreed; exact in integers (no 0.1 binary drift). */
export function taxOf(amount: number, ratePercent: number, rounding: TaxRounding): number {
  // Rates are whole or tenths of a percent: work in thousandths of a yen.
  const milli = amount * Math.round(ratePercent * 10);
  const whole = Math.floor(milli / 1000);
  const rest = milli - whole * 1000;
  if (rest === 0) return whole;
  if (rounding === "floor") return whole;
  if (rounding === "ceil") return whole + 1;
  return rest >= 500 ? whole + 1 : whole;
}

const rank = (category: string) => {
  const i = (REPORT_CATEGORIES as readonly string[]).indexOf(category);
  return i < 0 ? REPORT_CATEGORIES.length : i;
};

export function paymentAmount(
  terms: ContractTerms,
  completed: Readonly<Record<string, number>>,
): PaymentAmount {
  const fixed = terms.feeModel === "unit" ? 0 : terms.monthlyFee;
  const lines =
    terms.feeModel === "fixed"
      ? []
      : Object.entries(terms.unitPrices)
          .filter(([, price]) => price > 0)
          .map(([category, unitPrice]) => {
            const count = completed[category] ?? 0;
            return { category, count, unitPrice, amount: count * unitPrice };
          })
          // In the specification's order, whatever order the stored terms come back in.
          .sort(
            (a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category),
          );
  const subtotal = fixed + lines.reduce((s, l) => s + l.amount, 0);
  const capped = terms.monthlyCap !== null && subtotal > terms.monthlyCap;
  const taxable = capped ? terms.monthlyCap! : subtotal;
  const tax = taxOf(taxable, terms.taxRatePercent, terms.taxRounding);
  return { fixed, lines, subtotal, capped, taxable, tax, total: taxable + tax };
}

/** The demo contract: a fixed fee and unit prices, capped; 10 % tax rounded down; Feb 2026 – Jan 2027. */
export const DEMO_TERMS: ContractTerms = {
  // Fictitious, as everything in the demo.
  contractor: { name: "株式会社デモ窓口サービス", registrationNumber: "T0000000000000" },
  feeModel: "mixed",
  monthlyFee: 2_400_000,
  unitPrices: {
    setup: 300,
    handover: 450,
    ecert: 300,
    pin_reset: 250,
    insurance_fund: 600,
    phone: 200,
    application: 500,
    express: 600,
  },
  monthlyCap: 3_600_000,
  taxRatePercent: 10,
  taxRounding: "floor",
  schedule: [
    ...["02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => ({
      month: `2026-${m}`,
      kind: "partial" as const,
    })),
    { month: "2027-01", kind: "completion" },
  ],
};
