import {
  and,
  arrayContained,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  or,
  sql,
} from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import {
  DEFAULT_COUNTERS,
  DEFAULT_GROUPS,
  DEFAULT_PROCEDURES,
  DEFAULT_TERMINALS,
} from "./catalogue.ts";
import {
  counterSessions,
  counters,
  procedureGroups,
  procedures,
  queueSettings,
  serviceRecords,
  terminals,
  ticketNumbers,
  tickets,
} from "./schema.ts";

export type Procedure = typeof procedures.$inferSelect;
export type ProcedureGroup = typeof procedureGroups.$inferSelect;
export type Counter = typeof counters.$inferSelect;
export type Terminal = typeof terminals.$inferSelect;
export type CounterSession = typeof counterSessions.$inferSelect;
export type Ticket = typeof tickets.$inferSelect;
export type ServiceRecord = typeof serviceRecords.$inferSelect;

/** The specification's procedures, groups, terminals and counters for a new tenant. */
export async function seedCatalogue(tx: Tx, tenantId: string): Promise<void> {
  await tx
    .insert(procedureGroups)
    .values(DEFAULT_GROUPS.map(({ code, ...g }) => ({ tenantId, groupCode: code, ...g })))
    .onConflictDoNothing();
  await tx
    .insert(procedures)
    .values(DEFAULT_PROCEDURES.map((p) => ({ tenantId, ...p })))
    .onConflictDoNothing();
  await tx
    .insert(terminals)
    .values(DEFAULT_TERMINALS.map((t) => ({ tenantId, ...t })))
    .onConflictDoNothing();
  await tx
    .insert(counters)
    .values(DEFAULT_COUNTERS.map((c) => ({ tenantId, ...c })))
    .onConflictDoNothing();
}

export const listGroups = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(procedureGroups)
    .where(eq(procedureGroups.tenantId, tenantId))
    .orderBy(asc(procedureGroups.sort));

export const listProcedures = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(procedures)
    .where(eq(procedures.tenantId, tenantId))
    .orderBy(asc(procedures.sort));

export const listCounters = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(counters)
    .where(eq(counters.tenantId, tenantId))
    .orderBy(asc(sql`length(${counters.counterId})`), asc(counters.counterId));

export const listTerminals = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(terminals)
    .where(eq(terminals.tenantId, tenantId))
    .orderBy(asc(terminals.terminalId));

export async function insertProcedure(db: Executor, row: Procedure) {
  await db.insert(procedures).values(row);
}

export async function updateProcedure(
  db: Executor,
  tenantId: string,
  code: string,
  patch: Partial<
    Pick<Procedure, "nameJa" | "nameEn" | "standardMinutes" | "retiredAt" | "groupCode">
  >,
) {
  const [row] = await db
    .update(procedures)
    .set(patch)
    .where(and(eq(procedures.tenantId, tenantId), eq(procedures.code, code)))
    .returning();
  return row;
}

export async function openSessionsOf(db: Executor, tenantId: string): Promise<CounterSession[]> {
  return db
    .select()
    .from(counterSessions)
    .where(and(eq(counterSessions.tenantId, tenantId), isNull(counterSessions.closedAt)));
}

/**
 * The open session of a counter, locked until the caller's transaction ends: a call and a close of
 * the same counter take turns, so a ticket is never called to a counter that has just closed.
 */
export async function lockOpenSession(
  tx: Tx,
  tenantId: string,
  counterId: string,
): Promise<CounterSession | undefined> {
  const [row] = await tx
    .select()
    .from(counterSessions)
    .where(
      and(
        eq(counterSessions.tenantId, tenantId),
        eq(counterSessions.counterId, counterId),
        isNull(counterSessions.closedAt),
      ),
    )
    .for("update");
  return row;
}

/** The ticket still called to or served at a session, if any: a counter with one cannot close. */
export async function findBusyTicketOfSession(
  db: Executor,
  session: CounterSession,
): Promise<Ticket | undefined> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, session.tenantId),
        eq(tickets.sessionId, session.sessionId),
        inArray(tickets.status, ["called", "serving"]),
      ),
    )
    .limit(1);
  return row;
}

export async function insertCounterSession(db: Executor, row: CounterSession) {
  await db.insert(counterSessions).values(row);
}

export async function closeCounterSession(db: Executor, session: CounterSession, at: Date) {
  await db
    .update(counterSessions)
    .set({ closedAt: at })
    .where(
      and(
        eq(counterSessions.tenantId, session.tenantId),
        eq(counterSessions.sessionId, session.sessionId),
      ),
    );
}

/** Hands out the next number of a group for the day in one atomic statement: no two tickets share one. */
/**
 * Takes the next number of a group in its own short statement, outside the ticket's transaction:
 * the counter row is the hottest row of the day, and holding its lock through the rest of the
 * ticket's writes serialised every issuer behind it. Like a roll of paper tickets, a number may
 * be skipped when the write that follows fails; numbers are never given twice.
 */
export async function nextTicketNumber(
  tx: Executor,
  tenantId: string,
  serviceDay: string,
  groupCode: string,
): Promise<number> {
  const [row] = await tx
    .insert(ticketNumbers)
    .values({ tenantId, serviceDay, groupCode, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [ticketNumbers.tenantId, ticketNumbers.serviceDay, ticketNumbers.groupCode],
      set: { lastNumber: sql`${ticketNumbers.lastNumber} + 1` },
    })
    .returning({ lastNumber: ticketNumbers.lastNumber });
  return row!.lastNumber;
}

export async function insertTicket(tx: Tx, row: Ticket) {
  await tx.insert(tickets).values(row);
}

export async function findTicket(
  db: Executor,
  tenantId: string,
  ticketId: string,
  forUpdate = false,
): Promise<Ticket | undefined> {
  const query = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.ticketId, ticketId)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function findTicketByToken(
  db: Executor,
  tenantId: string,
  token: string,
): Promise<Ticket | undefined> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.statusToken, token)));
  return row;
}

export async function updateTicket(
  tx: Executor,
  ticket: Pick<Ticket, "tenantId" | "ticketId">,
  patch: Partial<Ticket>,
): Promise<Ticket> {
  const [row] = await tx
    .update(tickets)
    .set(patch)
    .where(and(eq(tickets.tenantId, ticket.tenantId), eq(tickets.ticketId, ticket.ticketId)))
    .returning();
  return row!;
}

/**
 * The next ticket for a counter, locked for this transaction. SKIP LOCKED lets counters calling
 * at the same moment each take a different ticket instead of waiting for, or repeating, another's.
 * Order: priority, then reservations whose time has come, then arrival (as tickets.callOrder).
 */
export async function pickNextTicket(
  tx: Tx,
  tenantId: string,
  serviceDay: string,
  counterId: string,
  served: string[] | null,
  now: Date,
): Promise<Ticket | undefined> {
  const due = sql`(${tickets.reservedFor} is not null and ${tickets.reservedFor} <= ${now.toISOString()}::timestamptz)`;
  const [row] = await tx
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        eq(tickets.serviceDay, serviceDay),
        eq(tickets.status, "waiting"),
        or(isNull(tickets.targetCounterId), eq(tickets.targetCounterId, counterId)),
        served ? arrayContained(tickets.procedureCodes, served) : undefined,
      ),
    )
    .orderBy(
      desc(tickets.priority),
      desc(due),
      sql`case when ${due} then ${tickets.reservedFor} end asc nulls last`,
      asc(tickets.issuedAt),
    )
    .limit(1)
    .for("update", { skipLocked: true });
  return row;
}

/** Tickets of the day in the given states, in issue order. */
export async function ticketsOfDay(
  db: Executor,
  tenantId: string,
  serviceDay: string,
  statuses: string[],
): Promise<Ticket[]> {
  return db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        eq(tickets.serviceDay, serviceDay),
        inArray(tickets.status, statuses),
      ),
    )
    .orderBy(asc(tickets.issuedAt));
}

export async function recentCalls(
  db: Executor,
  tenantId: string,
  serviceDay: string,
  limit: number,
): Promise<Ticket[]> {
  return db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        eq(tickets.serviceDay, serviceDay),
        sql`${tickets.lastCalledAt} is not null`,
      ),
    )
    .orderBy(desc(tickets.lastCalledAt))
    .limit(limit);
}

export async function ticketsIssuedBetween(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<Ticket[]> {
  return db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        gte(tickets.serviceDay, from),
        lte(tickets.serviceDay, to),
      ),
    )
    .orderBy(asc(tickets.issuedAt));
}

export async function insertServiceRecords(tx: Executor, rows: ServiceRecord[]) {
  if (rows.length > 0) await tx.insert(serviceRecords).values(rows);
}

export async function serviceRecordsBetween(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<ServiceRecord[]> {
  return db
    .select()
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.tenantId, tenantId),
        gte(serviceRecords.serviceDay, from),
        lte(serviceRecords.serviceDay, to),
      ),
    )
    .orderBy(asc(serviceRecords.startedAt));
}

/** Minutes each completed counter procedure took, most recent first, for the wait predictor. */
export async function recentServiceMinutes(
  db: Executor,
  tenantId: string,
  since: string,
  limit = 2000,
) {
  return db
    .select({
      code: serviceRecords.procedureCode,
      startedAt: serviceRecords.startedAt,
      finishedAt: serviceRecords.finishedAt,
      ticketId: serviceRecords.ticketId,
    })
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.tenantId, tenantId),
        eq(serviceRecords.channel, "counter"),
        gte(serviceRecords.serviceDay, since),
      ),
    )
    .orderBy(desc(serviceRecords.finishedAt))
    .limit(limit);
}

export type QueueSettings = Omit<
  typeof queueSettings.$inferSelect,
  "tenantId" | "updatedBy" | "updatedAt"
>;

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  alertLongestWaitMinutes: 45,
  alertQueueLength: 25,
  noShowAfterRecalls: 2,
};

export async function findQueueSettings(db: Executor, tenantId: string): Promise<QueueSettings> {
  const [row] = await db.select().from(queueSettings).where(eq(queueSettings.tenantId, tenantId));
  return row
    ? {
        alertLongestWaitMinutes: row.alertLongestWaitMinutes,
        alertQueueLength: row.alertQueueLength,
        noShowAfterRecalls: row.noShowAfterRecalls,
      }
    : DEFAULT_QUEUE_SETTINGS;
}

export async function saveQueueSettings(
  db: Executor,
  tenantId: string,
  settings: QueueSettings,
  by: string,
  at: Date,
) {
  await db
    .insert(queueSettings)
    .values({ tenantId, ...settings, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({
      target: queueSettings.tenantId,
      set: { ...settings, updatedBy: by, updatedAt: at },
    });
}

export async function insertCounter(db: Executor, row: Counter) {
  await db.insert(counters).values(row);
}
