import { z } from "zod";
import { continuityPlan } from "../continuity/continuity.ts";
import { now } from "../platform/clock.ts";
import { conflict, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../platform/operation.ts";
import { catalogueOf } from "./catalogueCache.ts";
import { serviceDay } from "./issue.ts";
import type { ServiceRecord } from "./store.ts";
import { insertServiceRecords } from "./ticketStore.ts";

export const paperVisitInput = z.object({
  /** The number printed on the paper ticket (e.g. P012): one of those the arrangement sets aside. */
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,2}\d{3,4}$/, "invalid_paper_ticket"),
  procedure: z.string().max(40),
  issuedAt: z.string().datetime({ offset: true }),
  startedAt: z.string().datetime({ offset: true }),
  finishedAt: z.string().datetime({ offset: true }),
  outcome: z.enum(["completed", "incomplete"]),
  counter: z.string().max(20).optional(),
});

/**
 * 紙の整理券 (仕様 8(1)): a visit served on a paper ticket while the system was down, recorded
 * after recovery from the counter's paper log, so the day's records and reports are whole. The
 * number must be one the emergency arrangement set aside; each is recorded once a day.
 */
export async function recordPaperVisit(ctx: Ctx, props: z.infer<typeof paperVisitInput>) {
  requireAccess(ctx, "queue.serve");
  const plan = await continuityPlan(ctx);
  const n = Number(props.number.slice(plan.paperTicketPrefix.length));
  if (!props.number.startsWith(plan.paperTicketPrefix) || !(n >= 1 && n <= plan.paperTicketCount))
    throw unprocessable(
      "not_a_paper_ticket",
      `${props.number} は事前に確保した紙の整理券の番号（${plan.paperTicketPrefix}001〜）ではありません。`,
      `${props.number} is not one of the paper ticket numbers set aside (${plan.paperTicketPrefix}001…).`,
    );
  const { procedures } = await catalogueOf(ctx.tx, ctx.tenantId);
  if (!procedures.some((p) => p.code === props.procedure))
    throw unprocessable("unknown_procedure", "手続が正しくありません。", "Unknown procedure.");
  const [issued, started, finished] = [props.issuedAt, props.startedAt, props.finishedAt].map(
    (s) => new Date(s),
  ) as [Date, Date, Date];
  const day = serviceDay(issued);
  if (
    !(issued <= started && started <= finished && finished <= now() && serviceDay(finished) === day)
  )
    throw unprocessable(
      "invalid_paper_times",
      "受付・開始・終了の時刻は、同じ日のこの順で、現在より前にしてください。",
      "Issued, started and finished must be in that order, on one day, before now.",
    );
  const record: ServiceRecord = {
    tenantId: ctx.tenantId,
    recordId: newId(),
    serviceDay: day,
    procedureCode: props.procedure,
    channel: "counter",
    outcome: props.outcome,
    outcomeReason: null,
    category: null,
    checklist: null,
    staffUserId: ctx.actor.userId,
    counterId: props.counter ?? null,
    terminalId: null,
    ticketId: null,
    issuedAt: issued,
    calledAt: started,
    startedAt: started,
    finishedAt: finished,
    paperTicket: props.number,
  };
  await uniquely(
    ctx,
    (tx) => insertServiceRecords(tx, [record]),
    () =>
      conflict(
        "paper_ticket_recorded",
        `紙の整理券 ${props.number} はこの日すでに記録されています。`,
        `Paper ticket ${props.number} is already recorded for this day.`,
      ),
  );
  await audit(ctx, {
    action: "queue.paper_visit",
    entity: "service_record",
    entityId: record.recordId,
    change: { number: props.number, procedure: props.procedure, day },
  });
  return { id: record.recordId, serviceDay: day, number: props.number };
}
