import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

export const procedureGroups = pgTable(
  "procedure_groups",
  {
    tenantId: text("tenant_id").notNull(),
    groupCode: text("group_code").notNull(),
    nameJa: text("name_ja").notNull(),
    nameEn: text("name_en").notNull(),
    prefix: text("prefix").notNull(),
    sort: integer("sort").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.groupCode] })],
);

export const procedures = pgTable(
  "procedures",
  {
    tenantId: text("tenant_id").notNull(),
    code: text("code").notNull(),
    nameJa: text("name_ja").notNull(),
    nameEn: text("name_en").notNull(),
    standardMinutes: integer("standard_minutes").notNull(),
    needsIntegratedTerminal: boolean("needs_integrated_terminal").notNull(),
    reportCategory: text("report_category").notNull(),
    atCounter: boolean("at_counter").notNull(),
    groupCode: text("group_code").notNull(),
    sort: integer("sort").notNull(),
    retiredAt: timestamptz("retired_at"),
    bringJa: text("bring_ja").notNull().default(""),
    bringEn: text("bring_en").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

export const counters = pgTable(
  "counters",
  {
    tenantId: text("tenant_id").notNull(),
    counterId: text("counter_id").notNull(),
    nameJa: text("name_ja").notNull(),
    defaultTerminalId: text("default_terminal_id"),
    /** Procedures served here; empty means every counter procedure. */
    procedureCodes: text("procedure_codes").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.counterId] })],
);

/** A staff member at a counter with a terminal. The partial unique indexes keep a terminal, a counter and a person in one open session. */
export const counterSessions = pgTable(
  "counter_sessions",
  {
    tenantId: text("tenant_id").notNull(),
    sessionId: text("session_id").notNull(),
    counterId: text("counter_id").notNull(),
    terminalId: text("terminal_id"),
    userId: text("user_id").notNull(),
    openedAt: timestamptz("opened_at").notNull(),
    /** When the person means to leave the counter (break, end of shift): the predictor counts on it. */
    plannedCloseAt: timestamptz("planned_close_at"),
    closedAt: timestamptz("closed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sessionId] }),
    uniqueIndex("counter_sessions_open_terminal")
      .on(t.tenantId, t.terminalId)
      .where(sql`closed_at is null and terminal_id is not null`),
    uniqueIndex("counter_sessions_open_counter")
      .on(t.tenantId, t.counterId)
      .where(sql`closed_at is null`),
    // One person works one counter at a time: two quick "open" clicks cannot both win.
    uniqueIndex("counter_sessions_open_user")
      .on(t.tenantId, t.userId)
      .where(sql`closed_at is null`),
  ],
);

/** The last ticket number given per tenant, service day and group: numbers come from one atomic upsert. */
export const ticketNumbers = pgTable(
  "ticket_numbers",
  {
    tenantId: text("tenant_id").notNull(),
    serviceDay: date("service_day").notNull(),
    groupCode: text("group_code").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.serviceDay, t.groupCode] })],
);

export const tickets = pgTable(
  "tickets",
  {
    tenantId: text("tenant_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    serviceDay: date("service_day").notNull(),
    groupCode: text("group_code").notNull(),
    number: integer("number").notNull(),
    displayNumber: text("display_number").notNull(),
    procedureCodes: text("procedure_codes").array().notNull(),
    priority: boolean("priority").notNull(),
    priorityReason: text("priority_reason"),
    status: text("status").notNull(),
    /** For a checked-in reservation: its time, which ranks it once it has come. */
    reservedFor: timestamptz("reserved_for"),
    /** Set by a transfer to a given counter. */
    targetCounterId: text("target_counter_id"),
    counterId: text("counter_id"),
    sessionId: text("session_id"),
    staffUserId: text("staff_user_id"),
    recallCount: integer("recall_count").notNull().default(0),
    issuedAt: timestamptz("issued_at").notNull(),
    /** First call: when the wait ended, for measuring waits. */
    calledAt: timestamptz("called_at"),
    /** Latest call or recall: what the display board shows. */
    lastCalledAt: timestamptz("last_called_at"),
    startedAt: timestamptz("started_at"),
    finishedAt: timestamptz("finished_at"),
    /** The unguessable token of the status page URL. */
    statusToken: text("status_token").notNull(),
    issuedBy: text("issued_by").notNull(),
    overrideReason: text("override_reason"),
    /** Staff's free-text note (screened by the My Number guard). */
    note: text("note"),
    /** What the person was told at issue time, kept to measure the predictor. */
    estimateMedian: doublePrecision("estimate_median"),
    estimateP90: doublePrecision("estimate_p90"),
    estimateNaive: doublePrecision("estimate_naive"),
    /** The simulation's median before calibration, to measure today's bias against. */
    estimateRaw: doublePrecision("estimate_raw"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ticketId] }),
    uniqueIndex("tickets_number").on(t.tenantId, t.serviceDay, t.displayNumber),
    uniqueIndex("tickets_status_token").on(t.statusToken),
    index("tickets_day_status").on(t.tenantId, t.serviceDay, t.status),
  ],
);

/** Every served procedure, at the counter or by phone: what the reports count, and nothing else. */
export const serviceRecords = pgTable(
  "service_records",
  {
    tenantId: text("tenant_id").notNull(),
    recordId: text("record_id").notNull(),
    serviceDay: date("service_day").notNull(),
    procedureCode: text("procedure_code").notNull(),
    channel: text("channel").notNull(),
    outcome: text("outcome").notNull(),
    outcomeReason: text("outcome_reason"),
    /** Phone calls: what the call was about (問い合わせ区分). */
    category: text("category"),
    /** Guided procedures (§4(3)): each step and how it ended. */
    checklist: jsonb("checklist").$type<Record<string, string>>(),
    staffUserId: text("staff_user_id").notNull(),
    counterId: text("counter_id"),
    terminalId: text("terminal_id"),
    ticketId: text("ticket_id"),
    issuedAt: timestamptz("issued_at"),
    calledAt: timestamptz("called_at"),
    startedAt: timestamptz("started_at").notNull(),
    finishedAt: timestamptz("finished_at").notNull(),
    /** 紙の整理券: the number of the paper ticket a visit served during an outage carried. */
    paperTicket: text("paper_ticket"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.recordId] }),
    index("service_records_day").on(t.tenantId, t.serviceDay),
    // A paper ticket's visit is recorded once (the database decides between two clerks).
    uniqueIndex("service_records_paper_ticket")
      .on(t.tenantId, t.serviceDay, t.paperTicket)
      .where(sql`paper_ticket is not null`),
  ],
);

/** The manager's settings for the queue: alert thresholds and the recalls before a no-show. */
export const queueSettings = pgTable("queue_settings", {
  tenantId: text("tenant_id").primaryKey(),
  alertLongestWaitMinutes: integer("alert_longest_wait_minutes").notNull(),
  alertQueueLength: integer("alert_queue_length").notNull(),
  noShowAfterRecalls: integer("no_show_after_recalls").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
});

/**
 * 呼出前のお知らせ (turn notices): a person waiting asked to be told, by a channel, when at most
 * this many are ahead. The address is blanked once the notice is sent or the ticket ends.
 */
export const turnNotices = pgTable(
  "turn_notices",
  {
    tenantId: text("tenant_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    channel: text("channel").notNull(),
    address: text("address"),
    aheadAtMost: integer("ahead_at_most").notNull(),
    serviceDay: date("service_day").notNull(),
    createdAt: timestamptz("created_at").notNull(),
    sentAt: timestamptz("sent_at"),
    /** Ended without a notice: the ticket was called, finished or cancelled first, or withdrawn. */
    endedAt: timestamptz("ended_at"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ticketId, t.channel] }),
    index("turn_notices_open").on(t.tenantId, t.serviceDay),
  ],
);
