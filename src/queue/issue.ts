import type { BusinessDay } from "../calendar/rules.ts";
import type { AuditEntry } from "../platform/audit/store.ts";
import { localDate, localTime, now } from "../platform/clock.ts";
import { conflict, DomainError } from "../platform/errors.ts";
import { newId, newToken } from "../platform/ids.ts";
import { audit, type Ctx, mayAct, requireAccess } from "../platform/operation.ts";
import { isServable } from "./catalogue.ts";
import { calendarDayOf, catalogueOf } from "./catalogueCache.ts";
import { announce } from "./events.ts";
import { estimateForNewTicket } from "./live.ts";
import type { Prediction } from "./predictor.ts";
import type { Procedure, ProcedureGroup, Ticket } from "./store.ts";
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

type Catalogue = { procedures: Procedure[]; groups: ProcedureGroup[] };

/**
 * What is issued, or why not: the calendar (reservation-only days, the counter's hours unless
 * staff override them with a reason), the procedures, the priority reason. The group of the first
 * procedure gives the number's prefix. Pure: the one rule of the kiosk, live or replayed.
 */
export function admitTicket(props: {
  catalogue: Catalogue;
  calendar: BusinessDay;
  input: IssueInput;
  at: Date;
  /** The override reason is given and the actor may override the hours. */
  overridden: boolean;
}): { group: ProcedureGroup; codes: string[] } {
  const { calendar, input, overridden } = props;
  const chosen = checkProcedures(props.catalogue.procedures, input.procedures);
  if (calendar.reservationOnly && !input.reservedFor && !overridden) {
    throw conflict(
      "reservation_only",
      "本日の休日開庁はご予約の方のみの受付です。",
      "Today's weekend opening is for reservations only.",
    );
  }
  if (!counterOpenAt(calendar, localTime(props.at)) && !overridden) {
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
  const group = props.catalogue.groups.find((g) => g.groupCode === chosen[0]!.groupCode)!;
  return { group, codes: chosen.map((p) => p.code) };
}

/** The new ticket's row: its number, what the person asked for and was told, its status token. */
export function newTicket(props: {
  tenantId: string;
  serviceDay: string;
  group: ProcedureGroup;
  codes: string[];
  number: number;
  input: IssueInput;
  at: Date;
  issuedBy: string;
  overridden: boolean;
  estimate: Prediction;
}): Ticket {
  const { input, estimate } = props;
  return {
    tenantId: props.tenantId,
    ticketId: newId(),
    serviceDay: props.serviceDay,
    groupCode: props.group.groupCode,
    number: props.number,
    displayNumber: displayNumber(props.group.prefix, props.number),
    procedureCodes: props.codes,
    priority: Boolean(input.priority),
    priorityReason: input.priority ? (input.priorityReason ?? null) : null,
    status: "waiting",
    reservedFor: input.reservedFor ?? null,
    targetCounterId: null,
    counterId: null,
    sessionId: null,
    staffUserId: null,
    recallCount: 0,
    issuedAt: props.at,
    calledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    statusToken: newToken(18),
    issuedBy: props.issuedBy,
    overrideReason: props.overridden ? input.overrideReason!.trim() : null,
    note: null,
    estimateMedian: estimate.available ? estimate.median : null,
    estimateP90: estimate.available ? estimate.p90 : null,
    estimateNaive: estimate.available ? estimate.naive : null,
    estimateRaw: estimate.available ? estimate.raw : null,
  };
}

export const issuedAudit = (ticket: Ticket): AuditEntry => ({
  action: "ticket.issue",
  entity: "ticket",
  entityId: ticket.ticketId,
  change: {
    procedures: ticket.procedureCodes,
    priority: ticket.priority,
    override: ticket.overrideReason,
  },
});

export async function issueTicket(ctx: Ctx, input: IssueInput): Promise<IssuedTicket> {
  requireAccess(ctx, "queue.issue");
  const at = now();
  const day = serviceDay(at);
  const catalogue = await catalogueOf(ctx.tx, ctx.tenantId);
  const calendar = await calendarDayOf(ctx.tx, ctx.tenantId, day);
  const overridden = Boolean(input.overrideReason?.trim()) && mayAct(ctx, "queue.override_hours");
  const { group, codes } = admitTicket({ catalogue, calendar, input, at, overridden });
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
  const ticket = newTicket({
    tenantId: ctx.tenantId,
    serviceDay: day,
    group,
    codes,
    number,
    input,
    at,
    issuedBy: ctx.actor.userId,
    overridden,
    estimate,
  });
  await insertTicket(ctx.tx, ticket);
  await audit(ctx, issuedAudit(ticket));
  await announce(ctx, {
    type: "ticket",
    action: "issue",
    ticketId: ticket.ticketId,
    displayNumber: ticket.displayNumber,
  });
  return { ...ticket, ahead: estimate.position - 1 };
}
