import { now } from "../platform/clock.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import type { NoticeChannel } from "../platform/notify/channels.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { serviceDay } from "./issue.ts";
import { currentState, estimateIn } from "./live.ts";
import { findTicket, findTicketByToken } from "./ticketStore.ts";
import {
  blankStaleTurnNotices,
  closeTurnNotice,
  openTurnNotices,
  saveTurnNotice,
  turnNoticesOfTicket,
} from "./turnNoticeStore.ts";

/** How near "near" may be: from the next person up to ten ahead. */
export const AHEAD_CHOICES = [1, 2, 3, 5, 10] as const;

const statusUrlOf = (publicUrl: string, tenantId: string, token: string) =>
  `${publicUrl}/status/${tenantId}/${token}`;

async function ownTicket(ctx: Ctx, token: string) {
  const ticket = await findTicketByToken(ctx.tx, ctx.tenantId, token);
  if (!ticket) throw notFound("受付番号", "Ticket");
  return ticket;
}

/** What the status page offers: the channels configured, and what this ticket has asked for. */
export async function turnNoticeOptions(
  ctx: Ctx,
  props: { token: string; channels: readonly NoticeChannel[] },
) {
  requireAccess(ctx, "queue.own_ticket");
  const ticket = await ownTicket(ctx, props.token);
  const chosen = await turnNoticesOfTicket(ctx.tx, ctx.tenantId, ticket.ticketId);
  return {
    channels: props.channels.map((c) => ({
      code: c.code,
      label: c.label,
      addressLabel: c.addressLabel,
      inputType: c.inputType,
    })),
    aheadChoices: [...AHEAD_CHOICES],
    chosen: chosen.map((c) => ({
      channel: c.channel,
      aheadAtMost: c.aheadAtMost,
      state: c.sentAt ? ("sent" as const) : c.endedAt ? ("ended" as const) : ("waiting" as const),
    })),
  };
}

/** The status page's request (呼出前のお知らせ). The address is kept only until the notice goes. */
export interface TurnNoticeRequest {
  token: string;
  channel: string;
  address: string;
  aheadAtMost: number;
  channels: readonly NoticeChannel[];
}

export async function requestTurnNotice(ctx: Ctx, props: TurnNoticeRequest) {
  requireAccess(ctx, "queue.own_ticket");
  const ticket = await ownTicket(ctx, props.token);
  if (ticket.status !== "waiting")
    throw conflict(
      "ticket_not_waiting",
      "お待ちの方だけがお知らせを申し込めます。",
      "Only a person still waiting can ask for a notice.",
    );
  const channel = props.channels.find((c) => c.code === props.channel);
  if (!channel) throw notFound("通知の方法", "Notice channel");
  const address = channel.normalise(props.address);
  if (!address)
    throw unprocessable(
      "invalid_address",
      `${channel.addressLabel.ja}が正しくありません。`,
      `That is not a valid ${channel.addressLabel.en.toLowerCase()}.`,
      { field: "address" },
    );
  if (!(AHEAD_CHOICES as readonly number[]).includes(props.aheadAtMost))
    throw unprocessable("invalid_ahead", "人数を選んでください。", "Choose how many ahead.", {
      field: "aheadAtMost",
    });
  await saveTurnNotice(ctx.tx, {
    tenantId: ctx.tenantId,
    ticketId: ticket.ticketId,
    channel: channel.code,
    address,
    aheadAtMost: props.aheadAtMost,
    serviceDay: ticket.serviceDay,
    createdAt: now(),
    sentAt: null,
    endedAt: null,
  });
  // The address is personal data: the trail records that one was given, never the address.
  await audit(ctx, {
    action: "ticket.turn_notice_request",
    entity: "ticket",
    entityId: ticket.ticketId,
    change: { channel: channel.code, aheadAtMost: props.aheadAtMost },
  });
  return turnNoticeOptions(ctx, props);
}

/** The person changed their mind: the request ends and the address is blanked. */
export async function withdrawTurnNotice(
  ctx: Ctx,
  props: { token: string; channel: string; channels: readonly NoticeChannel[] },
) {
  requireAccess(ctx, "queue.own_ticket");
  const ticket = await ownTicket(ctx, props.token);
  await closeTurnNotice(
    ctx.tx,
    { tenantId: ctx.tenantId, ticketId: ticket.ticketId, channel: props.channel },
    "ended",
    now(),
  );
  await audit(ctx, {
    action: "ticket.turn_notice_withdraw",
    entity: "ticket",
    entityId: ticket.ticketId,
    change: { channel: props.channel },
  });
  return turnNoticeOptions(ctx, props);
}

/**
 * Sends the notices that came due (the server's job, after queue changes and every few seconds):
 * each in this transaction, through its channel's outbox, marked sent with the address blanked, so
 * it goes exactly once. A ticket called, finished or cancelled first ends its request unsent.
 */
export async function sendDueTurnNotices(
  ctx: Ctx,
  props: { publicUrl: string; channels: readonly NoticeChannel[] },
): Promise<{ sent: number; ended: number }> {
  requireAccess(ctx, "jobs.run");
  const day = serviceDay();
  const at = now();
  let ended = await blankStaleTurnNotices(ctx.tx, ctx.tenantId, day, at);
  const open = await openTurnNotices(ctx.tx, ctx.tenantId, day);
  if (open.length === 0) return { sent: 0, ended };
  const state = await currentState(ctx.tx, ctx.tenantId, day);
  const waiting = new Map(state.waiting.map((t) => [t.ticketId, t]));
  const office = (await findTenant(ctx.tx, ctx.tenantId))?.nameJa ?? "";
  let sent = 0;
  for (const request of open) {
    const ticket = waiting.get(request.ticketId);
    const channel = props.channels.find((c) => c.code === request.channel);
    if (!ticket || !channel) {
      // On hold, the person comes back to the line: the request waits with them.
      const current = await findTicket(ctx.tx, ctx.tenantId, request.ticketId);
      if (channel && current?.status === "held") continue;
      await closeTurnNotice(ctx.tx, request, "ended", at);
      ended++;
      continue;
    }
    const ahead = estimateIn(state, ticket).position - 1;
    if (ahead > request.aheadAtMost) continue;
    await channel.send(ctx.tx, ctx.tenantId, request.address!, {
      number: ticket.displayNumber,
      ahead,
      office,
      statusUrl: statusUrlOf(props.publicUrl, ctx.tenantId, ticket.statusToken),
    });
    await closeTurnNotice(ctx.tx, request, "sent", at);
    await audit(ctx, {
      action: "ticket.turn_notice_sent",
      entity: "ticket",
      entityId: ticket.ticketId,
      change: { channel: channel.code, ahead },
    });
    sent++;
  }
  return { sent, ended };
}
