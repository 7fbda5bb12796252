import type { AuditEntry } from "../platform/audit/store.ts";
import { now } from "../platform/clock.ts";
import { conflict, DomainError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, mayAct, requireAccess } from "../platform/operation.ts";
import { checkChecklist } from "./checklist.ts";
import { requireCounter } from "./counterSessions.ts";
import { announce } from "./events.ts";
import { checkProcedures } from "./issue.ts";
import {
  type CounterSession,
  findQueueSettings,
  listProcedures,
  openSessionsOf,
  type ServiceRecord,
  type Ticket,
} from "./store.ts";
import { findTicket, insertServiceRecords, updateTicket } from "./ticketStore.ts";
import { NOT_COMPLETED_REASONS, nextStatus, type TicketAction } from "./tickets.ts";

type Patch = Partial<Ticket>;

/** The ticket a step acts on. */
export interface TicketProps {
  ticketId: string;
}

/**
 * Every step of a ticket after its call, in one shape: lock the row, check who may act on it and
 * the transition, write the change and its audit event together, announce after the commit.
 * A ticket at a counter belongs to whoever has that counter open; the leads may step in.
 */
async function step(
  ctx: Ctx,
  ticketId: string,
  action: TicketAction,
  change: (ticket: Ticket) => Promise<Patch> | Patch,
  details?: unknown,
): Promise<Ticket> {
  requireAccess(ctx, "queue.serve");
  const ticket = await findTicket(ctx.tx, ctx.tenantId, ticketId, true);
  if (!ticket) throw notFound("受付番号", "Ticket");
  if (ticket.counterId)
    requireOwnCounter(ticket, await openSessionsOf(ctx.tx, ctx.tenantId), ctx.actor.userId, () =>
      mayAct(ctx, "queue.intervene"),
    );
  const status = nextStatus(action, ticket.status as never);
  const updated = await updateTicket(ctx.tx, ticket, { ...(await change(ticket)), status });
  await audit(ctx, stepAudit(ticketId, action, details));
  await announce(ctx, {
    type: "ticket",
    action,
    ticketId,
    displayNumber: updated.displayNumber,
    counterId: updated.counterId ?? undefined,
  });
  return updated;
}

/** A ticket at a counter is stepped by whoever has that counter open, or by a lead stepping in. */
export function requireOwnCounter(
  ticket: Ticket,
  openSessions: readonly CounterSession[],
  userId: string,
  mayIntervene: () => boolean,
): void {
  const session = openSessions.find((s) => s.counterId === ticket.counterId);
  if (session && session.userId !== userId && !mayIntervene())
    throw new DomainError(
      "forbidden",
      "not_your_counter",
      "他の窓口で対応中の受付番号です。",
      "This ticket is at another counter.",
    );
}

export const stepAudit = (
  ticketId: string,
  action: TicketAction,
  details?: unknown,
): AuditEntry => ({
  action: `ticket.${action}`,
  entity: "ticket",
  entityId: ticketId,
  change: details,
});

export const recallTicket = (ctx: Ctx, { ticketId }: TicketProps) =>
  step(ctx, ticketId, "recall", (t) => ({ recallCount: t.recallCount + 1, lastCalledAt: now() }));

export const startTicket = (ctx: Ctx, { ticketId }: TicketProps) =>
  step(ctx, ticketId, "start", () => ({ startedAt: now() }));

export const noShowTicket = (ctx: Ctx, { ticketId }: TicketProps) =>
  step(ctx, ticketId, "no_show", async (t) => {
    const needed = (await findQueueSettings(ctx.tx, ctx.tenantId)).noShowAfterRecalls;
    if (t.recallCount < needed) {
      throw conflict(
        "recall_first",
        `不在にする前に${needed}回呼び直してください（現在${t.recallCount}回）。`,
        `Recall ${needed} times before marking no-show (so far ${t.recallCount}).`,
      );
    }
    return { finishedAt: now() };
  });

export const holdTicket = (ctx: Ctx, { ticketId }: TicketProps) =>
  step(ctx, ticketId, "hold", () => ({ counterId: null, sessionId: null }));

export const resumeTicket = (ctx: Ctx, { ticketId }: TicketProps) =>
  step(ctx, ticketId, "resume", () => ({}));

/** 取消: the ticket ends without service; the reason is kept on it. */
export interface CancelTicketProps extends TicketProps {
  reason?: string | undefined;
}

export const cancelTicket = (ctx: Ctx, { ticketId, reason }: CancelTicketProps) =>
  step(ctx, ticketId, "cancel", () => ({ finishedAt: now(), note: reason?.trim() || null }), {
    reason,
  });

/** 移管: to other procedures, another counter, or both. */
export interface TransferProps extends TicketProps {
  procedures?: string[] | undefined;
  counterId?: string | undefined;
}

/** 移管: back to the queue for other procedures or another counter, keeping the place by arrival. */
export async function transferTicket(ctx: Ctx, props: TransferProps): Promise<Ticket> {
  requireAccess(ctx, "queue.serve");
  const codes = props.procedures
    ? checkProcedures(await listProcedures(ctx.tx, ctx.tenantId), props.procedures).map(
        (p) => p.code,
      )
    : undefined;
  if (props.counterId) await requireCounter(ctx.tx, ctx.tenantId, props.counterId);
  if (!codes && !props.counterId)
    throw new DomainError(
      "unprocessable",
      "transfer_target_required",
      "移管先の手続または窓口を指定してください。",
      "Give the procedures or the counter to transfer to.",
    );
  return step(
    ctx,
    props.ticketId,
    "transfer",
    () => ({
      ...(codes ? { procedureCodes: codes } : {}),
      targetCounterId: props.counterId ?? null,
      counterId: null,
      sessionId: null,
      startedAt: null,
    }),
    { procedures: props.procedures, counterId: props.counterId },
  );
}

type Outcome = "completed" | "not_completed";

/** 完了: how the visit ended, per procedure when they ended differently, with the §4(3) checklists. */
export interface FinishProps extends TicketProps {
  outcome: Outcome;
  reason?: string | undefined;
  procedureOutcomes?: Record<string, { outcome: Outcome; reason?: string | undefined }> | undefined;
  /** Guided procedures (§4(3)): step → done | skipped | failed, per procedure code. */
  checklists?: Record<string, Record<string, string>> | undefined;
  note?: string | undefined;
}

function checkOutcome(outcome: string, reason: string | undefined) {
  if (outcome === "not_completed" && (!reason || !NOT_COMPLETED_REASONS[reason])) {
    throw new DomainError(
      "unprocessable",
      "reason_required",
      "未完了の理由を選んでください。",
      "Choose why it could not be completed.",
    );
  }
}

/** The service records a finished visit leaves, one per procedure, with its own outcome. Pure. */
export function finishedRecords(
  t: Ticket,
  input: FinishProps,
  session: CounterSession | undefined,
  userId: string,
  at: Date,
): ServiceRecord[] {
  return t.procedureCodes.map((code) => {
    const own = input.procedureOutcomes?.[code];
    const outcome = own?.outcome ?? input.outcome;
    return {
      tenantId: t.tenantId,
      recordId: newId(),
      serviceDay: t.serviceDay,
      procedureCode: code,
      channel: "counter",
      outcome,
      outcomeReason: outcome === "completed" ? null : (own?.reason ?? input.reason ?? null),
      category: null,
      checklist: checkChecklist(code, input.checklists?.[code], outcome),
      staffUserId: userId,
      counterId: t.counterId,
      terminalId: session?.terminalId ?? null,
      ticketId: t.ticketId,
      issuedAt: t.issuedAt,
      calledAt: t.calledAt,
      startedAt: t.startedAt ?? at,
      finishedAt: at,
      paperTicket: null,
    };
  });
}

/** The finish's refusals before anything is read: a reason for every procedure not completed. */
export function checkFinish(input: FinishProps): void {
  checkOutcome(input.outcome, input.reason);
  for (const o of Object.values(input.procedureOutcomes ?? {})) checkOutcome(o.outcome, o.reason);
}

export const finishDetails = (input: FinishProps) => ({
  outcome: input.outcome,
  reason: input.reason,
});

/** 完了: the ticket ends and each of its procedures becomes a service record. */
export async function finishTicket(ctx: Ctx, input: FinishProps): Promise<Ticket> {
  checkFinish(input);
  return step(
    ctx,
    input.ticketId,
    "finish",
    async (t) => {
      const at = now();
      const session = t.sessionId
        ? (await openSessionsOf(ctx.tx, ctx.tenantId)).find((s) => s.sessionId === t.sessionId)
        : undefined;
      await insertServiceRecords(ctx.tx, finishedRecords(t, input, session, ctx.actor.userId, at));
      return { finishedAt: at, note: input.note?.trim() || t.note };
    },
    finishDetails(input),
  );
}
