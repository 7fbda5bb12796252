import {
  and,
  arrayContained,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  or,
  sql,
} from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { serviceRecords, ticketNumbers, tickets } from "./schema.ts";
import type { ServiceRecord, Ticket } from "./store.ts";

/** The SQL of tickets (numbers, states, the call order) and of the service records they leave. */
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

/** Every ticket issued between two days (the reports' waits and queue lengths), in issue order. */
export async function ticketsBetween(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .select({
      serviceDay: tickets.serviceDay,
      groupCode: tickets.groupCode,
      status: tickets.status,
      issuedAt: tickets.issuedAt,
      calledAt: tickets.calledAt,
      finishedAt: tickets.finishedAt,
      reservedFor: tickets.reservedFor,
    })
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

/**
 * The queue as the estimates see it: today's tickets still waiting, called or being served, and
 * those called since a moment (the predictor's calibration), without the rest of the day's finished.
 */
export async function ticketsInPlay(
  db: Executor,
  tenantId: string,
  serviceDay: string,
  calledSince: Date,
): Promise<Ticket[]> {
  return db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        eq(tickets.serviceDay, serviceDay),
        or(
          inArray(tickets.status, ["waiting", "called", "serving"]),
          gte(tickets.calledAt, calledSince),
        ),
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

export async function serviceDaysBetween(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ day: serviceRecords.serviceDay })
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.tenantId, tenantId),
        gte(serviceRecords.serviceDay, from),
        lte(serviceRecords.serviceDay, to),
      ),
    );
  return rows.map((r) => r.day);
}

/** Minutes each completed counter procedure took, most recent first, for the wait predictor. */
export async function recentServiceMinutes(
  db: Executor,
  tenantId: string,
  since: string,
  before?: string,
  limit = 2000,
) {
  return (
    db
      .select({
        code: serviceRecords.procedureCode,
        serviceDay: serviceRecords.serviceDay,
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
          before ? lt(serviceRecords.serviceDay, before) : undefined,
        ),
      )
      // Ties (the procedures of one visit end together) in a fixed order, the one a replay keeps.
      .orderBy(
        desc(serviceRecords.finishedAt),
        asc(sql`${serviceRecords.procedureCode} collate "C"`),
      )
      .limit(limit)
  );
}
