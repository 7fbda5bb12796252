import { now } from "../platform/clock.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { calendarChanged } from "./changes.ts";
import { checkRange, loadFacts } from "./days.ts";
import type { CalendarException } from "./rules.ts";
import {
  type ExceptionRow,
  exceptionsBetween,
  findException,
  insertException,
  toCalendarException,
  updateExceptionDecision,
} from "./store.ts";
import { validateException } from "./validation.ts";

/** 変更申請: a change to one day (closure, other hours), with the reason. */
export interface ExceptionRequest {
  date: string;
  kind: CalendarException["kind"];
  counter?: CalendarException["counter"];
  phone?: CalendarException["phone"];
  reason: string;
}

/** The contractor's manager asks for a change to a day; nothing changes until the city approves. */
export async function requestException(ctx: Ctx, input: ExceptionRequest): Promise<ExceptionRow> {
  requireAccess(ctx, "calendar.request");
  const tx = ctx.tx;
  const actor = ctx.actor;
  const facts = await loadFacts(tx, ctx.tenantId, input.date, input.date);
  const exception: CalendarException = {
    ...input,
    counter: input.counter ?? null,
    phone: input.phone ?? null,
  };
  validateException(exception, facts);
  const row: ExceptionRow = {
    tenantId: ctx.tenantId,
    exceptionId: newId(),
    date: input.date,
    kind: input.kind,
    counter: exception.counter ?? null,
    phone: exception.phone ?? null,
    reason: input.reason.trim(),
    status: "requested",
    requestedBy: actor.userId,
    requestedByName: actor.displayName ?? actor.userId,
    requestedAt: now(),
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    decisionNote: null,
  };
  await insertException(tx, row);
  await audit(ctx, {
    action: "calendar.exception_request",
    entity: "calendar_exception",
    entityId: row.exceptionId,
    change: input,
  });
  return row;
}

export type Decision = "approve" | "reject" | "withdraw" | "revoke";

/** A decision on a change request, with an optional note. */
export interface DecisionProps {
  exceptionId: string;
  decision: Decision;
  note?: string | undefined;
}

const TRANSITIONS: Record<Decision, { from: string; to: string }> = {
  approve: { from: "requested", to: "approved" },
  reject: { from: "requested", to: "rejected" },
  withdraw: { from: "requested", to: "withdrawn" },
  revoke: { from: "approved", to: "revoked" },
};

/**
 * Decides a request: the city approves, rejects or later revokes; the requester may withdraw.
 * An approval re-checks the request against the calendar as it is now.
 */
export async function decideException(ctx: Ctx, props: DecisionProps): Promise<ExceptionRow> {
  const { exceptionId, decision, note } = props;
  requireAccess(ctx, decision === "withdraw" ? "calendar.request" : "calendar.approve");
  const tx = ctx.tx;
  const actor = ctx.actor;
  const row = await findException(tx, ctx.tenantId, exceptionId, true);
  if (!row) throw notFound("変更申請", "Calendar exception");
  const { from, to } = TRANSITIONS[decision];
  if (row.status !== from) {
    throw new DomainError(
      "conflict",
      "invalid_transition",
      `この申請は「${row.status}」のため、この操作はできません。`,
      `The request is ${row.status}; it cannot be ${to} now.`,
    );
  }
  // A request is withdrawn by whoever made it, or by the manager, who answers for all of them.
  if (decision === "withdraw")
    requireAccess(ctx, "calendar.request", {
      ownerId: row.requestedBy,
      otherwise: "calendar.withdraw_any",
    });
  if (decision === "approve")
    validateException(
      toCalendarException(row),
      await loadFacts(tx, ctx.tenantId, row.date, row.date),
    );
  const decided = {
    ...row,
    status: to,
    decidedBy: actor.userId,
    decidedByName: actor.displayName ?? actor.userId,
    decidedAt: now(),
    decisionNote: note?.trim() || null,
  };
  await updateExceptionDecision(tx, decided);
  await audit(ctx, {
    action: `calendar.exception_${decision}`,
    entity: "calendar_exception",
    entityId: exceptionId,
    change: { note },
  });
  await calendarChanged(ctx);
  return decided;
}

/** The change requests of a range, by status when given. */
export async function listExceptions(
  ctx: Ctx,
  { from, to, status }: { from: string; to: string; status?: string | undefined },
) {
  requireAccess(ctx, "calendar.read");
  checkRange(from, to);
  return exceptionsBetween(ctx.tx, ctx.tenantId, { from, to, status });
}
