/** Requests and responses of the expense ledger API (帳簿, 仕様 14), shared with the web app. */
import { z } from "zod";
import { isoMonth } from "../platform/inputs.ts";

export const EXPENSE_CATEGORIES = ["consumables", "repairs", "other"] as const;
export const EXPENSE_CATEGORY_LABELS: Record<
  (typeof EXPENSE_CATEGORIES)[number],
  { ja: string; en: string }
> = {
  consumables: { ja: "消耗品", en: "Consumables" },
  repairs: { ja: "修繕", en: "Repairs" },
  other: { ja: "その他", en: "Other" },
};

/** Yen per hour by employment type (regular, fixed_term, part_time, temporary). */
export const ratesSchema = z.record(z.string().max(20), z.number().int().min(0).max(100_000));
export const DEFAULT_RATES: Record<string, number> = {
  regular: 3_200,
  fixed_term: 2_300,
  part_time: 1_600,
  temporary: 2_600,
};

export const entryInput = z.object({
  category: z.enum(EXPENSE_CATEGORIES),
  description: z.string().trim().min(1).max(200),
  /** A correction is a negative amount. */
  amount: z
    .number()
    .int()
    .min(-100_000_000)
    .max(100_000_000)
    .refine((n) => n !== 0, "zero"),
});

export const ledgerSchema = z.object({
  month: z.string(),
  rates: ratesSchema,
  staff: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      employment: z.string(),
      hours: z.number(),
      rate: z.number().int(),
      amount: z.number().int(),
    }),
  ),
  entries: z.array(
    z.object({
      entryId: z.string(),
      category: z.enum(EXPENSE_CATEGORIES),
      description: z.string(),
      amount: z.number().int(),
      recordedAt: z.string(),
      recordedByName: z.string(),
    }),
  ),
  staffTotal: z.number().int(),
  entriesTotal: z.number().int(),
  total: z.number().int(),
  retainUntil: z.string(),
});
export type LedgerOut = z.infer<typeof ledgerSchema>;
export const ledgerParams = z.object({ month: isoMonth });
