/** Requests and responses of the calendar API, shared with the web app. */
import { z } from "zod";
import { hhmm, isoDate } from "../platform/inputs.ts";
import { DAY_KINDS, EXCEPTION_KINDS, EXCEPTION_STATUSES } from "./labels.ts";

export const date = isoDate;
export const time = hhmm;
export const windowSchema = z.object({ open: time, close: time });
export const daySchema = z.object({
  date: z.string(),
  counter: windowSchema.nullable(),
  phone: windowSchema.nullable(),
  kind: z.enum(DAY_KINDS),
  reasons: z.array(z.string()),
  extraSessions: z.array(windowSchema).optional(),
  reservationOnly: z.boolean().optional(),
});
export const rangeQuery = z.object({ from: date.optional(), to: date.optional() });
export const warningSchema = z.object({
  month: z.string(),
  count: z.number(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export const designationSchema = z.object({
  date: z.string(),
  designated: z.boolean(),
  warnings: z.array(warningSchema),
});
export const exceptionSchema = z.object({
  exceptionId: z.string(),
  date: z.string(),
  kind: z.enum(EXCEPTION_KINDS),
  counter: windowSchema.nullable(),
  phone: windowSchema.nullable(),
  reason: z.string(),
  status: z.enum(EXCEPTION_STATUSES),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export const settingsSchema = z.object({
  weekday: z.object({ counter: windowSchema, phone: windowSchema }),
  extendedDays: z.object({
    weekday: z.number().int(),
    ordinals: z.array(z.number().int()).max(5),
    counterClose: time,
    phoneClose: time.nullable(),
  }),
  weekendOpening: z.object({
    counter: windowSchema,
    phone: windowSchema.nullable(),
    minPerMonth: z.number().int(),
    maxPerMonth: z.number().int(),
  }),
  yearEndClosure: z.object({ from: z.string(), to: z.string() }).nullable(),
});

export const exceptionBody = z.object({
  date,
  kind: z.enum(EXCEPTION_KINDS),
  counter: windowSchema.nullable().optional(),
  phone: windowSchema.nullable().optional(),
  reason: z.string().min(1).max(500),
});
export type CalendarDay = z.infer<typeof daySchema>;
export type CalendarWarning = z.infer<typeof warningSchema>;
export type ExceptionOut = z.infer<typeof exceptionSchema>;
