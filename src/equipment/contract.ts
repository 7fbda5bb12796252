/** Requests and responses of the equipment ledger (備品台帳), shared with the web app. */
import { z } from "zod";
import { isoDate } from "../platform/inputs.ts";
import { EQUIPMENT_KINDS, EQUIPMENT_STATES } from "./rules.ts";

export { EQUIPMENT_KIND_LABELS, EQUIPMENT_STATE_LABELS } from "./rules.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
export const itemSchema = z.object({
  id: z.string(),
  kind: z.enum(EQUIPMENT_KINDS),
  nameJa: z.string(),
  owner: z.enum(["city", "contractor"]),
  location: z.string().nullable(),
  counterId: z.string().nullable(),
  state: z.enum(EQUIPMENT_STATES),
  updatedAt: z.string(),
});
export type ItemOut = z.infer<typeof itemSchema>;
export const itemParams = z.object({ id: z.string().max(40) });
export const newItemInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,20}$/, "invalid_id"),
  kind: z.enum(EQUIPMENT_KINDS),
  nameJa: text(60),
  owner: z.enum(["city", "contractor"]),
  location: text(60).optional(),
  counterId: z.string().max(20).optional(),
});
export const faultInput = z.object({
  description: text(1000),
  /** 受託者の責による破損: repaired at the contractor's cost (仕様 7). */
  contractorLiable: z.boolean().optional(),
});
export const faultSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  description: z.string(),
  contractorLiable: z.boolean(),
  reportedAt: z.string(),
});
export const repairInput = z.object({
  startedOn: isoDate,
  vendor: text(100).optional(),
  note: text(1000).optional(),
});
export const returnInput = z.object({
  finishedOn: isoDate.optional(),
  costYen: z.number().int().min(0).max(100_000_000).optional(),
  note: text(1000).optional(),
});
export const repairSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  startedOn: z.string(),
  finishedOn: z.string().nullable(),
  vendor: z.string().nullable(),
  costYen: z.number().nullable(),
  note: z.string().nullable(),
});
export const historySchema = z.object({
  faults: z.array(faultSchema),
  repairs: z.array(repairSchema),
});
