/** Requests and responses of the card stock API (カード在庫), shared with the web app. */
import { z } from "zod";
import { isoDate } from "../platform/inputs.ts";
import { CARD_ACTIONS, CARD_STATES, IDENTITY_CHECKS, NOTICE_REF } from "./rules.ts";

export { CARD_ACTION_LABELS, CARD_STATE_LABELS, IDENTITY_CHECK_LABELS } from "./rules.ts";

const kana = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s　]+$/u, "kana_only");
export const cardInput = z.object({
  noticeRef: z.string().trim().toUpperCase().regex(NOTICE_REF, "invalid_notice_ref"),
  nameKana: kana,
  birthDate: isoDate,
  express: z.boolean().optional(),
  /** The day the holder booked to collect it, where known: the card must be set up before. */
  handoverOn: isoDate.optional(),
  locker: z.string().trim().max(20).optional(),
  slot: z.string().trim().max(20).optional(),
});
export const batchInput = z.object({
  deliveredOn: isoDate,
  cards: z.array(cardInput).min(1).max(2000),
});
export const cardSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  noticeRef: z.string(),
  nameKana: z.string(),
  birthDate: z.string(),
  express: z.boolean(),
  /** The last day it may be set up (the day before its booked handover, an express deadline). */
  setupDueOn: z.string().nullable(),
  state: z.enum(CARD_STATES),
  locker: z.string().nullable(),
  slot: z.string().nullable(),
  setupTerminalId: z.string().nullable(),
  setupAt: z.string().nullable(),
  noticeSentAt: z.string().nullable(),
  handedOverAt: z.string().nullable(),
  identityCheck: z.string().nullable(),
});
export type CardOut = z.infer<typeof cardSchema>;
export const batchOut = z.object({
  batchId: z.string(),
  cards: z.array(z.object({ id: z.string(), state: z.enum(CARD_STATES) })),
});
export const summarySchema = z.object(
  Object.fromEntries(CARD_STATES.map((s) => [s, z.number().int()])) as Record<
    (typeof CARD_STATES)[number],
    z.ZodNumber
  >,
);
export const cardParams = z.object({ id: z.string().max(64) });
export const setupInput = z.object({ terminal: z.string().max(40).optional() });
export const handoverInput = z.object({
  identityCheck: z.enum(IDENTITY_CHECKS),
  reservationId: z.string().max(64).optional(),
});
export const stepInput = z.object({
  action: z.enum(CARD_ACTIONS).exclude(["setup", "hand_over"]),
  reason: z.string().trim().max(200).optional(),
});
export const cardQuery = z.object({
  state: z.enum(CARD_STATES).optional(),
  /** カナ氏名の前方一致 and, optionally, a space and the birth date (ヤマダ 1980-04-01). */
  q: z.string().trim().max(80).optional(),
});
export const settingsSchema = z.object({
  disposalAfterDays: z.number().int().min(1).max(3650),
  /** 特急発行: days after delivery by which an express card must be set up. */
  expressSetupDays: z.number().int().min(0).max(30),
});
export const settingsInput = settingsSchema.partial();

export const stocktakeInput = z.object({
  locker: z.string().trim().max(20).optional(),
  /** What the scanner read: notice references (letters, digits, hyphens; any case). */
  found: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{1,40}$/, "invalid_notice_ref"),
    )
    .max(5000),
});
export const stocktakeSchema = z.object({
  stocktakeId: z.string(),
  locker: z.string().nullable(),
  scanned: z.number().int(),
  missing: z.array(
    z.object({ noticeRef: z.string(), locker: z.string().nullable(), slot: z.string().nullable() }),
  ),
  misplaced: z.array(
    z.object({
      noticeRef: z.string(),
      locker: z.string().nullable(),
      foundIn: z.string().nullable(),
    }),
  ),
  unknown: z.array(z.string()),
  takenAt: z.string(),
  takenByName: z.string(),
  clean: z.boolean(),
});
export type StocktakeOut = z.infer<typeof stocktakeSchema>;
export const queuesSchema = z.object({
  setup: z.array(cardSchema),
  notices: z.array(cardSchema),
  reminders: z.array(cardSchema),
  disposals: z.array(cardSchema),
  express: z.array(cardSchema),
});
export type CardQueuesOut = z.infer<typeof queuesSchema>;
