/**
 * The queue's contract with its clients (the web app, display devices, scripts): request and
 * response schemas, shared with the web app as types. Enum labels live beside their rules
 * (`tickets.ts`, `checklist.ts`) and are served in the catalogue.
 */
import { z } from "zod";
import { isoDate, isoInstant, patchOf } from "../platform/inputs.ts";
import { tenantIdSchema } from "../platform/tenancy/tenant.ts";
import { CALL_OUTCOMES, STEP_RESULTS } from "./checklist.ts";
import { CROWDING_LEVELS } from "./crowding.ts";
import { TICKET_STATUSES } from "./tickets.ts";

const label = z.object({ ja: z.string(), en: z.string() });
export const rangeSchema = z.object({ low: z.number(), high: z.number() });

export const ticketSchema = z.object({
  id: z.string(),
  number: z.string(),
  procedures: z.array(z.string()),
  status: z.enum(TICKET_STATUSES),
  priority: z.boolean(),
  counterId: z.string().nullable(),
  recallCount: z.number(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  estimatedWaitMinutes: z.number().nullable(),
  estimate: rangeSchema.nullable(),
  statusUrl: z.string(),
  /** At issue only: people ahead in the queue for these procedures when the ticket was taken. */
  ahead: z.number().int().nullable().optional(),
});
export type TicketOut = z.infer<typeof ticketSchema>;

const boardCallSchema = z.object({
  displayNumber: z.string(),
  counterId: z.string(),
  counterName: z.string(),
  calledAt: z.string(),
  recall: z.boolean(),
});
const groupSchema = z.object({
  groupCode: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  prefix: z.string(),
  waiting: z.number(),
  lastCalled: z.string().nullable(),
  estimate: rangeSchema.nullable(),
  crowding: z.enum(CROWDING_LEVELS).nullable(),
});
const alertSchema = z.object({
  code: z.string(),
  value: z.number(),
  threshold: z.number(),
  message: z.string(),
  messageEn: z.string(),
});
export const boardSchema = z.object({
  serviceDay: z.string(),
  generatedAt: z.string(),
  calling: z.array(boardCallSchema),
  history: z.array(boardCallSchema),
  groups: z.array(groupSchema),
  openCounters: z.number(),
  alerts: z.array(alertSchema),
});
export const congestionSchema = z.object({
  tenant: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  serviceDay: z.string(),
  generatedAt: z.string(),
  groups: z.array(groupSchema),
  openCounters: z.number(),
});
export const ticketViewSchema = z.object({
  number: z.string(),
  status: z.string(),
  procedures: z.array(z.string()),
  position: z.number().nullable(),
  estimate: rangeSchema.nullable(),
  noCounterOpen: z.boolean(),
  counterName: z.string().nullable(),
  serviceDay: z.string(),
});

export const ticketParams = z.object({ id: z.string().uuid() });
export const counterParams = z.object({ counter: z.string().min(1).max(20) });
export const publicTicketParams = z.object({
  tenant: tenantIdSchema,
  token: z.string().min(16).max(64),
});

export const issueBody = z.object({
  procedures: z.array(z.string().max(40)).min(1).max(5),
  priority: z.boolean().default(false),
  priorityReason: z.string().max(40).optional(),
  overrideReason: z.string().max(200).optional(),
});

export const openCounterBody = z
  .object({ terminal: z.string().max(20).optional(), until: z.string().max(5).optional() })
  .default({});
export const counterSessionSchema = z.object({
  sessionId: z.string(),
  counterId: z.string(),
  terminalId: z.string().nullable(),
});

const outcome = z.enum(["completed", "not_completed"]);
export const finishBody = z.object({
  outcome,
  reason: z.string().max(40).optional(),
  procedureOutcomes: z
    .record(z.string(), z.object({ outcome, reason: z.string().max(40).optional() }))
    .optional(),
  checklists: z.record(z.string(), z.record(z.string(), z.enum(STEP_RESULTS))).optional(),
  note: z.string().max(1000).optional(),
});
export const transferBody = z.object({
  procedures: z.array(z.string().max(40)).min(1).max(5).optional(),
  counterId: z.string().max(20).optional(),
});
export const cancelBody = z.object({ reason: z.string().max(200).optional() }).default({});

const groupOut = z.object({
  groupCode: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  prefix: z.string(),
  sort: z.number(),
});
export const procedureOut = z.object({
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  standardMinutes: z.number(),
  groupCode: z.string(),
  needsIntegratedTerminal: z.boolean(),
  reportCategory: z.string(),
  atCounter: z.boolean(),
  sort: z.number(),
  retiredAt: z.string().nullable(),
  bringJa: z.string(),
  bringEn: z.string(),
});
export const counterOut = z.object({
  counterId: z.string(),
  nameJa: z.string(),
  defaultTerminalId: z.string().nullable(),
  procedureCodes: z.array(z.string()),
});
const terminalOut = z.object({
  terminalId: z.string(),
  kind: z.string(),
  nameJa: z.string(),
  /** False while the equipment ledger has it faulty or under repair. */
  inService: z.boolean(),
});
export const catalogueSchema = z.object({
  /** Recalls a clerk must make before marking a person absent (不在). */
  noShowAfterRecalls: z.number().int(),
  groups: z.array(groupOut),
  procedures: z.array(procedureOut),
  counters: z.array(counterOut),
  terminals: z.array(terminalOut),
  openSessions: z.array(
    z.object({
      counterId: z.string(),
      terminalId: z.string().nullable(),
      userId: z.string(),
      openedAt: z.string(),
    }),
  ),
  notCompletedReasons: z.record(z.string(), label),
  checklists: z.record(
    z.string(),
    z.array(z.object({ code: z.string(), ja: z.string(), en: z.string(), required: z.boolean() })),
  ),
  callCategories: z.record(z.string(), label),
  callOutcomes: z.record(z.string(), label),
  priorityReasons: z.record(z.string(), label),
});
export type CatalogueOut = z.infer<typeof catalogueSchema>;

export const settingsSchema = z.object({
  alertLongestWaitMinutes: z.number().int().min(1).max(600),
  alertQueueLength: z.number().int().min(1).max(1000),
  noShowAfterRecalls: z.number().int().min(0).max(10),
});

export const newCounterBody = z.object({
  counterId: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
  nameJa: z.string().min(1).max(40),
  defaultTerminalId: z.string().max(20).optional(),
  procedureCodes: z.array(z.string().max(40)).max(20).optional(),
});
export const newProcedureBody = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  nameJa: z.string().min(1).max(80),
  nameEn: z.string().min(1).max(80),
  standardMinutes: z.number().int().min(1).max(240),
  groupCode: z.string().max(40),
  needsIntegratedTerminal: z.boolean().default(false),
  reportCategory: z.string().max(40).optional(),
  bringJa: z.string().max(400).optional(),
  bringEn: z.string().max(400).optional(),
});
export const procedureChangeBody = patchOf(
  z.object({
    nameJa: z.string().min(1).max(80).optional(),
    nameEn: z.string().min(1).max(80).optional(),
    standardMinutes: z.number().int().min(1).max(240).optional(),
    bringJa: z.string().max(400).optional(),
    bringEn: z.string().max(400).optional(),
    retired: z.boolean().optional(),
  }),
);

export const dateRangeQuery = z.object({
  from: isoDate,
  to: isoDate,
});
export const serviceRecordSchema = z.object({
  recordId: z.string(),
  serviceDay: z.string(),
  procedureCode: z.string(),
  channel: z.string(),
  outcome: z.string(),
  outcomeReason: z.string().nullable(),
  category: z.string().nullable(),
  checklist: z.record(z.string(), z.string()).nullable(),
  staffUserId: z.string(),
  counterId: z.string().nullable(),
  terminalId: z.string().nullable(),
  ticketId: z.string().nullable(),
  issuedAt: z.string().nullable(),
  calledAt: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export const phoneCallBody = z.object({
  startedAt: isoInstant,
  endedAt: isoInstant,
  category: z.string().max(40),
  outcome: z.enum(CALL_OUTCOMES),
  overrideReason: z.string().max(200).optional(),
});
export const phoneCallOut = z.object({
  recordId: z.string(),
  serviceDay: z.string(),
  category: z.string().nullable(),
  outcome: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
});

/** The signed-in clerk's counter work today. */
export const myDaySchema = z.object({
  people: z.number().int(),
  completed: z.number().int(),
  notCompleted: z.number().int(),
});

/** 呼出前のお知らせ: the channels offered and what this ticket asked for. */
export const turnNoticeOptionsSchema = z.object({
  channels: z.array(
    z.object({
      code: z.string(),
      label,
      addressLabel: label,
      inputType: z.enum(["email", "tel", "text"]),
    }),
  ),
  aheadChoices: z.array(z.number().int()),
  chosen: z.array(
    z.object({
      channel: z.string(),
      aheadAtMost: z.number().int(),
      state: z.enum(["waiting", "sent", "ended"]),
    }),
  ),
});
export const turnNoticeBody = z.object({
  channel: z.string().min(1).max(20),
  address: z.string().min(1).max(254),
  aheadAtMost: z.number().int().min(1).max(10),
});
export const turnNoticeChannelParams = publicTicketParams.extend({
  channel: z.string().min(1).max(20),
});
