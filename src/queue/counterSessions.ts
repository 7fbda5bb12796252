import { requireEssentialNoticesRead } from "../notices/notices.ts";
import type { AuditEntry } from "../platform/audit/store.ts";
import { now, tokyoInstant } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { conflict, DomainError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../platform/operation.ts";
import { requireReadyToServe } from "../roster/readiness.ts";
import { catalogueOf } from "./catalogueCache.ts";
import { announce } from "./events.ts";
import { serviceDay } from "./issue.ts";
import { codesServedAt } from "./live.ts";
import {
  type Counter,
  type CounterSession,
  closeCounterSession,
  findBusyTicketOfSession,
  insertCounterSession,
  listTerminals,
  lockOpenSession,
  openSessionsOf,
  type Terminal,
  type Ticket,
} from "./store.ts";
import { findTicket, pickNextTicket, updateTicket } from "./ticketStore.ts";
import { nextStatus } from "./tickets.ts";

/** "12:00" today, Tokyo time, as an instant: when a person means to leave the counter. */
export function plannedClose(until: string): Date {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(until)) {
    throw new DomainError(
      "unprocessable",
      "invalid_time",
      "時刻は HH:MM で指定してください。",
      "Give the time as HH:MM.",
    );
  }
  return tokyoInstant(serviceDay(), until);
}

export async function requireCounter(db: Executor, tenantId: string, counterId: string) {
  const counter = (await catalogueOf(db, tenantId)).counters.find((c) => c.counterId === counterId);
  if (!counter) throw notFound("窓口", "Counter");
  return counter;
}

/** 窓口を開く: which counter, with which terminal, until when (HH:MM, optional). */
export interface OpenCounterProps {
  counterId: string;
  /** The counter's default terminal when omitted. */
  terminalId?: string | undefined;
  until?: string | undefined;
}

/** 窓口を開く: a staff member takes a counter and a terminal; no terminal, counter or person is held twice. */
export async function openCounter(ctx: Ctx, props: OpenCounterProps): Promise<CounterSession> {
  requireAccess(ctx, "queue.serve");
  const { counterId } = props;
  const counter = await requireCounter(ctx.tx, ctx.tenantId, counterId);
  // Nobody off the roster or without the mandatory training serves at a counter (仕様 8(4), 12).
  await requireReadyToServe(ctx, ctx.actor.userId);
  // 周知徹底: an essential notice is read before the next session at a counter.
  await requireEssentialNoticesRead(ctx);
  const terminal = sessionTerminal(counter, props, await listTerminals(ctx.tx, ctx.tenantId));
  const mine = (await openSessionsOf(ctx.tx, ctx.tenantId)).find(
    (s) => s.userId === ctx.actor.userId,
  );
  if (mine) {
    if (mine.counterId === counterId && mine.terminalId === terminal) return mine;
    throw alreadyAtCounter(mine.counterId);
  }
  const session = newSession(ctx.tenantId, ctx.actor.userId, props, terminal, now());
  await uniquely(
    ctx,
    (tx) => insertCounterSession(tx, session),
    async () => {
      // Which rule was it: this person's other counter, or someone else at this one?
      const other = (await openSessionsOf(ctx.tx, ctx.tenantId)).find(
        (s) => s.userId === ctx.actor.userId,
      );
      if (other) return alreadyAtCounter(other.counterId);
      return counterInUse();
    },
  );
  await audit(ctx, openedAudit(session));
  await announce(ctx, { type: "counter", action: "open", counterId });
  return session;
}

/** The terminal a session takes: the one asked for or the counter's own, in the ledger and in service. */
export function sessionTerminal(
  counter: Counter,
  props: OpenCounterProps,
  terminals: Terminal[],
): string | null {
  const terminal = props.terminalId ?? counter.defaultTerminalId ?? null;
  if (terminal) {
    const found = terminals.find((t) => t.terminalId === terminal);
    if (!found) throw notFound("端末", "Terminal");
    // 仕様 7: a terminal in the ledger as faulty or under repair is not sat at.
    if (!found.inService)
      throw conflict(
        "terminal_out_of_service",
        `${found.nameJa}は故障または修理中のため使用できません。別の端末を選んでください。`,
        `${found.terminalId} is faulty or under repair. Choose another terminal.`,
      );
  }
  return terminal;
}

export function newSession(
  tenantId: string,
  userId: string,
  props: OpenCounterProps,
  terminalId: string | null,
  at: Date,
): CounterSession {
  return {
    tenantId,
    sessionId: newId(),
    counterId: props.counterId,
    terminalId,
    userId,
    openedAt: at,
    plannedCloseAt: props.until ? plannedClose(props.until) : null,
    closedAt: null,
  };
}

export const openedAudit = (session: CounterSession): AuditEntry => ({
  action: "counter.open",
  entity: "counter_session",
  entityId: session.sessionId,
  change: { counterId: session.counterId, terminalId: session.terminalId },
});

export const closedAudit = (session: CounterSession): AuditEntry => ({
  action: "counter.close",
  entity: "counter_session",
  entityId: session.sessionId,
});

export const counterInUse = () =>
  conflict(
    "counter_or_terminal_in_use",
    "この窓口または端末は他の職員が使用中です。",
    "This counter or terminal is already in use.",
  );

export const counterClosed = () =>
  conflict("counter_not_open", "この窓口は開いていません。", "This counter is not open.");

export const alreadyAtCounter = (counterId: string) =>
  conflict(
    "already_at_counter",
    `既に${counterId}番窓口を開いています。先に閉じてください。`,
    `You already have counter ${counterId} open; close it first.`,
  );

export const notOpen = (counterId: string) =>
  conflict(
    "counter_not_open",
    `${counterId}番窓口を開いていません。先に窓口を開いてください。`,
    `You do not have counter ${counterId} open.`,
  );

/** 窓口を閉じる: one's own counter, or (for the leads) anyone's, once nobody is at it. */
export async function closeCounter(ctx: Ctx, props: { counterId: string }): Promise<void> {
  requireAccess(ctx, "queue.serve");
  const session = await lockOpenSession(ctx.tx, ctx.tenantId, props.counterId);
  if (!session) throw counterClosed();
  requireAccess(ctx, "queue.serve", { ownerId: session.userId, otherwise: "queue.intervene" });
  const busy = await findBusyTicketOfSession(ctx.tx, session);
  if (busy) throw counterBusy(busy);
  await closeCounterSession(ctx.tx, session, now());
  await audit(ctx, closedAudit(session));
  await announce(ctx, { type: "counter", action: "close", counterId: props.counterId });
}

export const counterBusy = (busy: Ticket) =>
  conflict(
    "counter_busy",
    `${busy.displayNumber}番の対応中です。完了または移管してから閉じてください。`,
    `Ticket ${busy.displayNumber} is still at this counter; finish or transfer it first.`,
  );

/** The open session of this counter, which must be the actor's, and the procedures it serves. */
async function callingSession(ctx: Ctx, counterId: string) {
  // Locked until commit: a close of this counter waits for the call, then sees the ticket there.
  const session = await lockOpenSession(ctx.tx, ctx.tenantId, counterId);
  if (!session || session.userId !== ctx.actor.userId) throw notOpen(counterId);
  const { procedures, terminals } = await catalogueOf(ctx.tx, ctx.tenantId);
  const counter = await requireCounter(ctx.tx, ctx.tenantId, counterId);
  const served = codesServedAt(
    counter,
    procedures,
    terminals.find((t) => t.terminalId === session.terminalId),
  );
  return { session, served };
}

/** Hands a ticket to the counter: called there, audited, announced after the commit. */
async function callTo(
  ctx: Ctx,
  session: { sessionId: string; counterId: string },
  ticket: Ticket,
  how: "next" | "by_number",
): Promise<Ticket> {
  const called = await updateTicket(
    ctx.tx,
    ticket,
    calledPatch(ticket, session, ctx.actor.userId, now()),
  );
  await audit(ctx, calledAudit(ticket, session, how));
  await announce(ctx, {
    type: "ticket",
    action: "call",
    ticketId: called.ticketId,
    displayNumber: called.displayNumber,
    counterId: session.counterId,
  });
  return called;
}

/** What a call changes on the ticket: it is at this counter, with this person, called now. */
export function calledPatch(
  ticket: Ticket,
  session: { sessionId: string; counterId: string },
  userId: string,
  at: Date,
): Partial<Ticket> {
  return {
    status: nextStatus("call", ticket.status as never),
    counterId: session.counterId,
    sessionId: session.sessionId,
    staffUserId: userId,
    calledAt: ticket.calledAt ?? at,
    lastCalledAt: at,
    targetCounterId: null,
  };
}

export const calledAudit = (
  ticket: Ticket,
  session: { counterId: string },
  how: "next" | "by_number",
): AuditEntry => ({
  action: "ticket.call",
  entity: "ticket",
  entityId: ticket.ticketId,
  change: { counterId: session.counterId, how, from: ticket.status },
});

/** 呼出: the next ticket this counter can serve, fairly ordered, never handed to two counters. */
export async function callNext(
  ctx: Ctx,
  props: { counterId: string },
): Promise<Ticket | undefined> {
  requireAccess(ctx, "queue.serve");
  const { session, served } = await callingSession(ctx, props.counterId);
  const at = now();
  const next = await pickNextTicket(
    ctx.tx,
    ctx.tenantId,
    serviceDay(at),
    props.counterId,
    served,
    at,
  );
  return next ? callTo(ctx, session, next, "next") : undefined;
}

/**
 * 番号指定呼出: a waiting or held ticket called to this counter by its number, out of turn (a
 * person back from the restroom, a held case whose papers have arrived). The row is locked, so
 * two counters calling the same number cannot both have it.
 */
export async function callTicket(
  ctx: Ctx,
  props: { counterId: string; ticketId: string },
): Promise<Ticket> {
  requireAccess(ctx, "queue.serve");
  const { session, served } = await callingSession(ctx, props.counterId);
  const ticket = await findTicket(ctx.tx, ctx.tenantId, props.ticketId, true);
  if (!ticket || ticket.serviceDay !== serviceDay(now())) throw notFound("受付番号", "Ticket");
  const missing = ticket.procedureCodes.filter((code) => !served.includes(code));
  if (missing.length > 0) {
    throw conflict(
      "not_served_here",
      "この窓口（端末）では扱えない手続が含まれています。移管するか、扱える窓口で呼び出してください。",
      "This counter (terminal) cannot serve one of the ticket's procedures. Transfer it or call it at a counter that can.",
      { procedures: missing },
    );
  }
  return callTo(ctx, session, ticket, "by_number");
}
