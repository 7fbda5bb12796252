import type { BusinessDay } from "../calendar/rules.ts";
import { localDate, localTime, now } from "../platform/clock.ts";
import { conflict, DomainError } from "../platform/errors.ts";
import { newId, newToken } from "../platform/ids.ts";
import { audit, type Ctx, mayAct, requireAccess } from "../platform/operation.ts";
import { isServable } from "./catalogue.ts";
import { calendarDayOf, catalogueOf } from "./catalogueCache.ts";
import { announce } from "./events.ts";
import { estimateForNewTicket } from "./live.ts";
import type { Procedure, Ticket } from "./store.ts";
import { insertTicket, nextTicketNumber } from "./ticketStore.ts";
import { displayNumber, PRIORITY_REASONS } from "./tickets.ts";

export function serviceDay(at = now()): string {
  return localDate(at);
}

/** Whether the counter is open at a time of day, by the calendar (main hours or an extra session). */
export function counterOpenAt(day: BusinessDay, hm: string): boolean {
  return [day.counter, ...(day.extraSessions ?? [])].some(
    (w) => w !== null && w.open <= hm && hm < w.close,
  );
}

/** A ticket to issue: 発券 at the kiosk, by staff, or by a reservation's check-in. */
export interface IssueInput {
  /** Procedure codes; the first decides the group (and so the number's prefix). */
  procedures: string[];
  priority?: boolean | undefined;
  priorityReason?: string | undefined;
  /** Staff may issue while the calendar says closed, giving the reason. */
  overrideReason?: string | undefined;
  /** A checked-in reservation's time (reservations rank these once their time has come). */
  reservedFor?: Date | undefined;
}

export function checkProcedures(all: Procedure[], codes: string[]): Procedure[] {
  const unique = [...new Set(codes)];
  if (unique.length === 0)
    throw new DomainError(
      "unprocessable",
      "procedure_required",
      "手続を選んでください。",
      "Choose at least one procedure.",
    );
  return unique.map((code) => {
    const found = all.find((p) => p.code === code);
    if (!found || !isServable(found)) {
      throw new DomainError(
        "unprocessable",
        "unknown_procedure",
        "窓口で受け付けていない手続です。",
        `Procedure not served at the counter: ${code}`,
      );
    }
    return found;
  });
}

/** 発券: a number for today, an estimate kept for later measurement, and a status-page token. */
/** A new ticket, with the people ahead of it at issue time (printed on the slip). */
export type IssuedTicket = Ticket & { ahead: number | null };

export async function issueTicket(ctx: Ctx, input: IssueInput): Promise<IssuedTicket> {
  requireAccess(ctx, "queue.issue");
  const at = now();
  const day = serviceDay(at);
  const { procedures: allProcedures, groups } = await catalogueOf(ctx.tx, ctx.tenantId);
  const calendar = await calendarDayOf(ctx.tx, ctx.tenantId, day);
  const chosen = checkProcedures(allProcedures, input.procedures);
  const overridden = Boolean(input.overrideReason?.trim()) && mayAct(ctx, "queue.override_hours");
  if (calendar.reservationOnly && !input.reservedFor && !overridden) {
    throw conflict(
      "reservation_only",
      "本日の休日開庁はご予約の方のみの受付です。",
      "Today's weekend opening is for reservations only.",
    );
  }
  if (!counterOpenAt(calendar, localTime(at)) && !overridden) {
    const hours = calendar.counter
      ? `${calendar.counter.open}〜${calendar.counter.close}`
      : "本日は閉庁";
    throw conflict(
      "counter_closed",
      `窓口の受付時間外です（${hours}）。`,
      `The counter is closed now (${calendar.counter ? `${calendar.counter.open}–${calendar.counter.close}` : "closed today"}).`,
    );
  }
  if (input.priority && input.priorityReason && !PRIORITY_REASONS[input.priorityReason]) {
    throw new DomainError(
      "unprocessable",
      "unknown_priority_reason",
      "優先理由が正しくありません。",
      "Unknown priority reason.",
    );
  }
  const group = groups.find((g) => g.groupCode === chosen[0]!.groupCode)!;
  const codes = chosen.map((p) => p.code);
  // The queue state behind the estimate is shared and cached across requests: it is read apart
  // from this transaction (on PostgreSQL, its own small pool), never holding a pooled connection.
  const estimate = await ctx.autonomous((ex) =>
    estimateForNewTicket(ex, ctx.tenantId, day, {
      procedureCodes: codes,
      priority: Boolean(input.priority),
    }),
  );
  // The group's day counter is taken on its own so its row is not locked until this commit: a
  // number may be skipped after a failed write, never given twice (decision 0004).
  const number = await ctx.autonomous((ex) =>
    nextTicketNumber(ex, ctx.tenantId, day, group.groupCode),
  );
  const ticket: Ticket = {
    tenantId: ctx.tenantId,
    ticketId: newId(),
    serviceDay: day,
    groupCode: group.groupCode,
    number,
    displayNumber: displayNumber(group.prefix, number),
    procedureCodes: codes,
    priority: Boolean(input.priority),
    priorityReason: input.priority ? (input.priorityReason ?? null) : null,
    status: "waiting",
    reservedFor: input.reservedFor ?? null,
    targetCounterId: null,
    counterId: null,
    sessionId: null,
    staffUserId: null,
    recallCount: 0,
    issuedAt: at,
    calledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    statusToken: newToken(18),
    issuedBy: ctx.actor.userId,
    overrideReason: overridden ? input.overrideReason!.trim() : null,
    note: null,
    estimateMedian: estimate.available ? estimate.median : null,
    estimateP90: estimate.available ? estimate.p90 : null,
    estimateNaive: estimate.available ? estimate.naive : null,
    estimateRaw: estimate.available ? estimate.raw : null,
  };
  await insertTicket(ctx.tx, ticket);
  await audit(ctx, {
    action: "ticket.issue",
    entity: "ticket",
    entityId: ticket.ticketId,
    change: { procedures: codes, priority: ticket.priority, override: ticket.overrideReason },
  });
  await announce(ctx, {
    type: "ticket",
    action: "issue",
    ticketId: ticket.ticketId,
    displayNumber: ticket.displayNumber,
  });
  return { ...ticket, ahead: estimate.position - 1 };
}
