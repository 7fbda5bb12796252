import type { Db } from "../platform/db/index.ts";
import { notFound } from "../platform/errors.ts";
import { type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { currentBoard } from "./board.ts";
import { CALL_CATEGORIES, CALL_OUTCOME_LABELS, CHECKLISTS } from "./checklist.ts";
import { serviceDay } from "./issue.ts";
import { currentState, ticketView } from "./live.ts";
import {
  findQueueSettings,
  listCounters,
  listGroups,
  listProcedures,
  listTerminals,
  openSessionsOf,
  type Ticket,
} from "./store.ts";
import {
  findTicket,
  findTicketByToken,
  serviceDaysBetween,
  serviceRecordsBetween,
  ticketsBetween,
  ticketsOfDay,
} from "./ticketStore.ts";
import { NOT_COMPLETED_REASONS, PRIORITY_REASONS, type TICKET_STATUSES } from "./tickets.ts";

/** Groups, procedures, counters, terminals, who has which counter open, and the reason codes. */
export async function catalogueView(ctx: Ctx) {
  requireAccess(ctx, "queue.read");
  const groups = await listGroups(ctx.tx, ctx.tenantId);
  const procedures = await listProcedures(ctx.tx, ctx.tenantId);
  const counters = await listCounters(ctx.tx, ctx.tenantId);
  const terminals = await listTerminals(ctx.tx, ctx.tenantId);
  const sessions = await openSessionsOf(ctx.tx, ctx.tenantId);
  return {
    groups,
    procedures: procedures.map((p) => ({ ...p, retiredAt: p.retiredAt?.toISOString() ?? null })),
    counters,
    terminals,
    openSessions: sessions.map((s) => ({
      counterId: s.counterId,
      terminalId: s.terminalId,
      userId: s.userId,
      openedAt: s.openedAt.toISOString(),
    })),
    notCompletedReasons: NOT_COMPLETED_REASONS,
    checklists: CHECKLISTS,
    callCategories: CALL_CATEGORIES,
    callOutcomes: CALL_OUTCOME_LABELS,
    priorityReasons: PRIORITY_REASONS,
    noShowAfterRecalls: (await findQueueSettings(ctx.tx, ctx.tenantId)).noShowAfterRecalls,
  };
}

export async function ticketById(ctx: Ctx, { ticketId }: { ticketId: string }): Promise<Ticket> {
  requireAccess(ctx, "queue.read");
  const ticket = await findTicket(ctx.tx, ctx.tenantId, ticketId);
  if (!ticket) throw notFound("受付番号", "Ticket");
  return ticket;
}

/** Today's tickets in the given states. */
export async function ticketsToday(
  ctx: Ctx,
  { statuses }: { statuses: (typeof TICKET_STATUSES)[number][] },
): Promise<Ticket[]> {
  requireAccess(ctx, "queue.read");
  return ticketsOfDay(ctx.tx, ctx.tenantId, serviceDay(), statuses);
}

/** Every served procedure (counter and phone) between two days. */
export async function serviceRecords(ctx: Ctx, range: { from: string; to: string }) {
  requireAccess(ctx, "service.read");
  return serviceRecordsBetween(ctx.tx, ctx.tenantId, range.from, range.to);
}

/** Every ticket's times and end between two days: no personal data, only what the reports count. */
export async function ticketTimes(ctx: Ctx, range: { from: string; to: string }) {
  requireAccess(ctx, "service.read");
  return ticketsBetween(ctx.tx, ctx.tenantId, range.from, range.to);
}

/** The service days between two dates on which anything was served (counter or phone). */
export async function daysServed(ctx: Ctx, range: { from: string; to: string }): Promise<string[]> {
  requireAccess(ctx, "service.read");
  return serviceDaysBetween(ctx.tx, ctx.tenantId, range.from, range.to);
}

/** 本日の対応件数: what the signed-in clerk has served at the counter today. */
export async function myDayAtCounter(ctx: Ctx) {
  requireAccess(ctx, "queue.serve");
  const day = serviceDay();
  const mine = (await serviceRecordsBetween(ctx.tx, ctx.tenantId, day, day)).filter(
    (r) => r.staffUserId === ctx.actor.userId && r.channel === "counter",
  );
  return {
    people: new Set(mine.map((r) => r.ticketId)).size,
    completed: mine.filter((r) => r.outcome === "completed").length,
    notCompleted: mine.filter((r) => r.outcome !== "completed").length,
  };
}

// ---- public views: no session, read outside any request transaction (live streams) ----

async function publicTenant(db: Db, tenantId: string) {
  const tenant = await findTenant(db, tenantId);
  if (!tenant) throw notFound("自治体", "Tenant");
  return tenant;
}

/** The status page of one ticket, found by its token: number, place, estimated wait. */
export async function publicTicketView(db: Db, tenantId: string, token: string) {
  const ticket = await findTicketByToken(db, tenantId, token);
  if (!ticket) throw notFound("受付番号", "Ticket");
  return ticketView(await currentState(db, tenantId, ticket.serviceDay), ticket);
}

/** 混雑状況: the board's groups, without numbers at counters. */
export async function congestionOf(db: Db, tenantId: string) {
  const tenant = await publicTenant(db, tenantId);
  const board = await currentBoard(db, tenantId, serviceDay());
  return {
    tenant: tenantId,
    nameJa: tenant.nameJa,
    nameEn: tenant.nameEn,
    serviceDay: board.serviceDay,
    generatedAt: board.generatedAt,
    groups: board.groups,
    openCounters: board.openCounters,
  };
}
