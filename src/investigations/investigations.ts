import { localDate, now } from "../platform/clock.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { retainUntil } from "../platform/retention.ts";
import type { InvestigationOut, InvestigationStatus } from "./contract.ts";
import {
  findInvestigation,
  type Investigation,
  insertInvestigation,
  listInvestigations,
  updateInvestigation,
} from "./store.ts";

/**
 * 調査 (仕様 9): the city may investigate the work at any time. A request names what it wants
 * explained or shown and by when; the contractor's manager answers; the city closes it. Every
 * step is audited, and nothing of it is ever deleted.
 */

const statusOf = (row: Investigation): InvestigationStatus =>
  row.closedAt ? "closed" : row.answeredAt ? "answered" : "open";

const out = (row: Investigation): InvestigationOut => ({
  investigationId: row.investigationId,
  subject: row.subject,
  details: row.details,
  period: row.period,
  dueDate: row.dueDate,
  status: statusOf(row),
  overdue: !row.answeredAt && row.dueDate < localDate(now()),
  requestedAt: row.requestedAt.toISOString(),
  requestedByName: row.requestedByName,
  answer: row.answer,
  answeredAt: row.answeredAt?.toISOString() ?? null,
  answeredByName: row.answeredByName,
  closedAt: row.closedAt?.toISOString() ?? null,
});

export async function investigationList(ctx: Ctx): Promise<InvestigationOut[]> {
  requireAccess(ctx, "investigation.read");
  const rows = await listInvestigations(ctx.tx, ctx.tenantId);
  await audit(ctx, { action: "investigation.read", entity: "investigation" });
  return rows.map(out);
}

/** The city's request: what it wants explained or shown, about which period, answered by when. */
export interface RequestProps {
  subject: string;
  details: string;
  period?: string | undefined;
  dueDate: string;
}

export async function requestInvestigation(
  ctx: Ctx,
  props: RequestProps,
): Promise<InvestigationOut> {
  requireAccess(ctx, "investigation.request");
  if (props.dueDate < localDate(now()))
    throw unprocessable(
      "due_date_past",
      "回答期限は今日以降の日付にしてください。",
      "The answer is due today or later.",
    );
  const row: Investigation = {
    tenantId: ctx.tenantId,
    investigationId: newId(),
    subject: props.subject,
    details: props.details,
    period: props.period?.trim() || null,
    dueDate: props.dueDate,
    requestedAt: now(),
    requestedBy: ctx.actor.userId,
    requestedByName: ctx.actor.displayName ?? ctx.actor.userId,
    answer: null,
    answeredAt: null,
    answeredBy: null,
    answeredByName: null,
    closedAt: null,
    closedBy: null,
    retainUntil: await retainUntil(ctx.tx, ctx.tenantId, localDate(now())),
  };
  await insertInvestigation(ctx.tx, row);
  await audit(ctx, {
    action: "investigation.request",
    entity: "investigation",
    entityId: row.investigationId,
    change: { subject: props.subject, dueDate: props.dueDate },
  });
  return out(row);
}

async function openOne(ctx: Ctx, investigationId: string) {
  const row = await findInvestigation(ctx.tx, ctx.tenantId, investigationId);
  if (!row) throw notFound("調査依頼", "Investigation");
  if (row.closedAt)
    throw conflict(
      "investigation_closed",
      "この調査は完了しています。",
      "This investigation is closed.",
    );
  return row;
}

/** The contractor's answer (again, to add to it, while the city has not closed it). */
export async function answerInvestigation(
  ctx: Ctx,
  props: { investigationId: string; answer: string },
): Promise<InvestigationOut> {
  requireAccess(ctx, "investigation.answer");
  await openOne(ctx, props.investigationId);
  const row = await updateInvestigation(ctx.tx, ctx.tenantId, props.investigationId, {
    answer: props.answer,
    answeredAt: now(),
    answeredBy: ctx.actor.userId,
    answeredByName: ctx.actor.displayName ?? ctx.actor.userId,
  });
  await audit(ctx, {
    action: "investigation.answer",
    entity: "investigation",
    entityId: props.investigationId,
  });
  return out(row);
}

/** The city closes an answered request. */
export async function closeInvestigation(
  ctx: Ctx,
  { investigationId }: { investigationId: string },
): Promise<InvestigationOut> {
  requireAccess(ctx, "investigation.request");
  const current = await openOne(ctx, investigationId);
  if (!current.answeredAt)
    throw conflict(
      "investigation_unanswered",
      "回答がまだありません。",
      "The contractor has not answered yet.",
    );
  const row = await updateInvestigation(ctx.tx, ctx.tenantId, investigationId, {
    closedAt: now(),
    closedBy: ctx.actor.userId,
  });
  await audit(ctx, {
    action: "investigation.close",
    entity: "investigation",
    entityId: investigationId,
  });
  return out(row);
}
