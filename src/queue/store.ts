import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Terminal, terminalsOf } from "../equipment/store.ts";
import { bulkInsert } from "../platform/db/bulk.ts";
import type { Executor, Tx } from "../platform/db/index.ts";
import { DEFAULT_COUNTERS, DEFAULT_GROUPS, DEFAULT_PROCEDURES } from "./catalogue.ts";
import {
  counterSessions,
  counters,
  procedureGroups,
  procedures,
  queueSettings,
  serviceRecords,
  ticketNumbers,
  tickets,
} from "./schema.ts";

export type Procedure = typeof procedures.$inferSelect;
export type ProcedureGroup = typeof procedureGroups.$inferSelect;
export type Counter = typeof counters.$inferSelect;
export type { Terminal };
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

/** The terminals are the equipment ledger's terminal items (one list, their state with them). */
export const listTerminals = (db: Executor, tenantId: string) => terminalsOf(db, tenantId);

export async function insertProcedure(db: Executor, row: Procedure) {
  await db.insert(procedures).values(row);
}

export async function updateProcedure(
  db: Executor,
  tenantId: string,
  code: string,
  patch: Partial<
    Pick<
      Procedure,
      "nameJa" | "nameEn" | "standardMinutes" | "retiredAt" | "groupCode" | "bringJa" | "bringEn"
    >
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
  return (
    db
      .select()
      .from(counterSessions)
      .where(and(eq(counterSessions.tenantId, tenantId), isNull(counterSessions.closedAt)))
      // A fixed order (the estimates draw per counter in it): by opening, then the counter.
      .orderBy(asc(counterSessions.openedAt), asc(sql`${counterSessions.counterId} collate "C"`))
  );
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

/**
 * The rows of replayed days (the demo's history), written at once: every ticket as it ended, the
 * day's last numbers, the sessions and the service records (see replay.ts).
 */
export async function writeQueueRows(
  tx: Tx,
  rows: {
    tickets: Ticket[];
    numbers: (typeof ticketNumbers.$inferInsert)[];
    sessions: CounterSession[];
    records: ServiceRecord[];
  },
): Promise<number> {
  await bulkInsert(tx, tickets, rows.tickets);
  await bulkInsert(tx, ticketNumbers, rows.numbers);
  await bulkInsert(tx, counterSessions, rows.sessions);
  await bulkInsert(tx, serviceRecords, rows.records);
  return rows.tickets.length + rows.numbers.length + rows.sessions.length + rows.records.length;
}
