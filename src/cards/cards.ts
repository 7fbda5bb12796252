import type { AuditEntry } from "../platform/audit/store.ts";
import { now } from "../platform/clock.ts";
import { conflict, DomainError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { isValidDate } from "../platform/inputs.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../platform/operation.ts";
import { toKatakana } from "../reservations/kana.ts";
import type { CardOut } from "./contract.ts";
import {
  CARD_STATES,
  type CardAction,
  CardRuleError,
  type CardState,
  nextCardState,
  setupDeadline,
} from "./rules.ts";
import { findCardSettings } from "./settings.ts";
import {
  type Card,
  type CardEvent,
  countByState,
  findCards,
  insertBatch,
  insertCards,
  insertEvents,
  lockCard,
  stepsPerDay,
  updateCard,
} from "./store.ts";

/**
 * カード在庫 (仕様 4(4)): batches received, each card moved through its life by the one state
 * machine (rules.ts), row-locked so two counters cannot both hand it over, every step kept as an
 * event with its actor and audited.
 */

export const cardOut = (c: Card): CardOut => ({
  id: c.cardId,
  batchId: c.batchId,
  noticeRef: c.noticeRef,
  nameKana: c.nameKana,
  birthDate: c.birthDate,
  express: c.express,
  setupDueOn: c.setupDueOn,
  state: c.state as CardState,
  locker: c.locker,
  slot: c.slot,
  setupTerminalId: c.setupTerminalId,
  setupAt: c.setupAt?.toISOString() ?? null,
  noticeSentAt: c.noticeSentAt?.toISOString() ?? null,
  handedOverAt: c.handedOverAt?.toISOString() ?? null,
  identityCheck: c.identityCheck,
});

/** 受領: a delivery's cards, as scanned or imported from the delivery list. */
export interface BatchProps {
  deliveredOn: string;
  cards: {
    noticeRef: string;
    nameKana: string;
    birthDate: string;
    express?: boolean | undefined;
    /** The holder's booked handover day, where the delivery list gives one. */
    handoverOn?: string | undefined;
    locker?: string | undefined;
    slot?: string | undefined;
  }[];
}

/** The cards of a delivery as they are received: each reference once, names in katakana. Pure. */
export function receivedCards(props: {
  tenantId: string;
  batchId: string;
  batch: BatchProps;
  at: Date;
  expressSetupDays: number;
}): Card[] {
  const refs = props.batch.cards.map((c) => c.noticeRef);
  const twice = refs.find((r, i) => refs.indexOf(r) !== i);
  if (twice)
    throw conflict(
      "notice_ref_repeated",
      `通知書番号 ${twice} が2回あります。`,
      `Notice reference ${twice} appears twice.`,
    );
  const { deliveredOn } = props.batch;
  return props.batch.cards.map((c) => ({
    tenantId: props.tenantId,
    cardId: newId(),
    batchId: props.batchId,
    noticeRef: c.noticeRef,
    nameKana: toKatakana(c.nameKana).replace(/\s+/g, " ").trim(),
    birthDate: c.birthDate,
    express: c.express ?? false,
    setupDueOn: setupDeadline({
      deliveredOn,
      handoverOn: c.handoverOn,
      express: c.express ?? false,
      expressSetupDays: props.expressSetupDays,
    }),
    state: "received",
    locker: c.locker ?? null,
    slot: c.slot ?? null,
    setupTerminalId: null,
    setupBy: null,
    setupAt: null,
    noticeSentAt: null,
    reservationId: null,
    handedOverAt: null,
    handedOverBy: null,
    identityCheck: null,
    updatedAt: props.at,
  }));
}

export const receivedEvents = (rows: Card[], actorId: string, at: Date): CardEvent[] =>
  rows.map((c) => ({
    tenantId: c.tenantId,
    eventId: newId(),
    cardId: c.cardId,
    action: "receive",
    fromState: null,
    toState: "received",
    reason: null,
    actorId,
    at,
  }));

export const receivedAudit = (batchId: string, deliveredOn: string, count: number): AuditEntry => ({
  action: "card.receive",
  entity: "card_batch",
  entityId: batchId,
  change: { deliveredOn, cards: count },
});

export const noticeRefTaken = () =>
  conflict(
    "notice_ref_taken",
    "すでに受領済みの通知書番号が含まれています。",
    "A card with one of these notice references is already in stock.",
  );

export async function receiveBatch(ctx: Ctx, props: BatchProps) {
  requireAccess(ctx, "card.work");
  const at = now();
  const batchId = newId();
  const { expressSetupDays } = await findCardSettings(ctx.tx, ctx.tenantId);
  const rows = receivedCards({
    tenantId: ctx.tenantId,
    batchId,
    batch: props,
    at,
    expressSetupDays,
  });
  await uniquely(
    ctx,
    async (tx) => {
      await insertBatch(tx, {
        tenantId: ctx.tenantId,
        batchId,
        deliveredOn: props.deliveredOn,
        receivedAt: at,
        receivedBy: ctx.actor.userId,
      });
      await insertCards(tx, rows);
    },
    noticeRefTaken,
  );
  await insertEvents(ctx.tx, receivedEvents(rows, ctx.actor.userId, at));
  await audit(ctx, receivedAudit(batchId, props.deliveredOn, rows.length));
  return { batchId, cards: rows.map((c) => ({ id: c.cardId, state: "received" as const })) };
}

/** What a card's step is: the state machine's answer, the event kept and the audit entry. Pure. */
export function cardStep(props: {
  card: Pick<Card, "tenantId" | "cardId" | "state" | "noticeSentAt">;
  action: CardAction;
  reason?: string | undefined;
  actorId: string;
  at: Date;
  disposalAfterDays: number;
}): { to: CardState; event: CardEvent; audit: AuditEntry } {
  const { card, action, reason, at } = props;
  let to: CardState;
  try {
    to = nextCardState(card.state as CardState, action, {
      actorId: props.actorId,
      daysSinceNotice: card.noticeSentAt
        ? Math.floor((at.getTime() - card.noticeSentAt.getTime()) / 86_400_000)
        : null,
      disposalAfterDays: props.disposalAfterDays,
    });
  } catch (error) {
    if (error instanceof CardRuleError)
      throw new DomainError("conflict", error.code, error.ja, error.en, { state: card.state });
    throw error;
  }
  return {
    to,
    event: {
      tenantId: card.tenantId,
      eventId: newId(),
      cardId: card.cardId,
      action,
      fromState: card.state,
      toState: to,
      reason: reason?.trim() || null,
      actorId: props.actorId,
      at,
    },
    audit: {
      action: `card.${action}`,
      entity: "card",
      entityId: card.cardId,
      change: { from: card.state, to, ...(reason ? { reason } : {}) },
    },
  };
}

/** What a setup or a handover writes on the card besides its state. */
export const setupChange = (actorId: string, terminal: string | undefined, at: Date) => ({
  setupTerminalId: terminal ?? null,
  setupBy: actorId,
  setupAt: at,
});

export const handoverChange = (
  actorId: string,
  props: { identityCheck: string; reservationId?: string | undefined },
  at: Date,
) => ({
  identityCheck: props.identityCheck,
  handedOverBy: actorId,
  handedOverAt: at,
  ...(props.reservationId ? { reservationId: props.reservationId } : {}),
});

/** One step of a card's life: locked, checked by the state machine, written, kept, audited. */
export async function stepCard(
  ctx: Ctx,
  props: { cardId: string; action: CardAction; reason?: string | undefined },
  change: Partial<Card> = {},
): Promise<CardOut> {
  requireAccess(ctx, props.action === "dispose" ? "card.dispose" : "card.work");
  const card = await lockCard(ctx.tx, ctx.tenantId, props.cardId);
  if (!card) throw notFound("カード", "Card");
  const settings = await findCardSettings(ctx.tx, ctx.tenantId);
  const at = now();
  const step = cardStep({
    card,
    action: props.action,
    reason: props.reason,
    actorId: ctx.actor.userId,
    at,
    disposalAfterDays: settings.disposalAfterDays,
  });
  const updated = await updateCard(ctx.tx, card, { ...change, state: step.to, updatedAt: at });
  await insertEvents(ctx.tx, [step.event]);
  await audit(ctx, step.audit);
  return cardOut(updated);
}

/** 交付前設定: done on a terminal (the counter's integrated terminal, by id), by the actor. */
export const setUpCard = (ctx: Ctx, props: { cardId: string; terminal?: string | undefined }) =>
  stepCard(
    ctx,
    { cardId: props.cardId, action: "setup" },
    setupChange(ctx.actor.userId, props.terminal, now()),
  );

/** 交付: to the holder, their identity checked by the kind recorded (never a document's number). */
export const handOverCard = (
  ctx: Ctx,
  props: { cardId: string; identityCheck: string; reservationId?: string | undefined },
) =>
  stepCard(
    ctx,
    { cardId: props.cardId, action: "hand_over" },
    handoverChange(ctx.actor.userId, props, now()),
  );

/** 交付通知 and the other steps without data of their own. */
export const moveCard = (
  ctx: Ctx,
  props: { cardId: string; action: CardAction; reason?: string | undefined },
) => stepCard(ctx, props, props.action === "send_notice" ? { noticeSentAt: now() } : {});

/**
 * Cards by state, or found by the holder: the kana's beginning and, optionally, the birth date
 * (「ヤマダ 1980-04-01」). Names and birth dates are personal data: each search is audited.
 */
export async function searchCards(
  ctx: Ctx,
  props: { state?: string | undefined; q?: string | undefined },
): Promise<CardOut[]> {
  requireAccess(ctx, "card.read");
  const words = (props.q ?? "").split(/[\s　]+/).filter(Boolean);
  // A date that does not exist (2026-02-30) is no birth date: searched as text, it finds nothing.
  const birthDate = words.find((w) => /^\d{4}-\d{2}-\d{2}$/.test(w) && isValidDate(w));
  const ref = words.find((w) => /^[A-Z0-9][A-Z0-9-]{5,}$/i.test(w) && w !== birthDate);
  const kana = words.filter((w) => w !== birthDate && w !== ref).join(" ");
  const rows = await findCards(ctx.tx, ctx.tenantId, {
    state: props.state,
    nameKana: kana ? toKatakana(kana) : undefined,
    birthDate,
    noticeRef: ref?.toUpperCase(),
  });
  await audit(ctx, {
    action: "card.search",
    entity: "card",
    change: { state: props.state ?? null, found: rows.length },
  });
  return rows.map(cardOut);
}

/** 受領・交付前設定・交付 per day: counts only (no one's name), for the reports. */
export async function cardStepsPerDay(
  ctx: Ctx,
  range: { from: string; to: string },
): Promise<Record<string, Record<string, number>>> {
  requireAccess(ctx, "report.read");
  const out: Record<string, Record<string, number>> = {};
  for (const r of await stepsPerDay(ctx.tx, ctx.tenantId, range.from, range.to))
    out[r.day] = { ...out[r.day], [r.action]: r.count };
  return out;
}

/** Cards now in each state. */
export async function cardSummary(ctx: Ctx): Promise<Record<CardState, number>> {
  requireAccess(ctx, "card.read");
  const counts = new Map((await countByState(ctx.tx, ctx.tenantId)).map((r) => [r.state, r.count]));
  return Object.fromEntries(CARD_STATES.map((s) => [s, counts.get(s) ?? 0])) as Record<
    CardState,
    number
  >;
}
