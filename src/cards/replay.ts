import type { Actor } from "../platform/actor.ts";
import { now } from "../platform/clock.ts";
import { newId } from "../platform/ids.ts";
import type { Ctx } from "../platform/operation.ts";
import type { ReplayLog } from "../platform/replay.ts";
import {
  type BatchProps,
  cardStep,
  handoverChange,
  noticeRefTaken,
  receivedAudit,
  receivedCards,
  receivedEvents,
  searchCards,
  setupChange,
} from "./cards.ts";
import type { CardAction } from "./rules.ts";
import { findCardSettings } from "./settings.ts";
import { type Card, type CardEvent, type CardRows, findCardsById } from "./store.ts";

/**
 * The card stock's past days replayed in memory, for the demo's history written in bulk: the
 * card operations' own rules (receivedCards, the state machine through cardStep, the setup and
 * handover changes) on rows kept here, the audit events in the shared log. A card received by an
 * earlier month is known by what its step needs (its state, its notice) and written back as the
 * change alone.
 */
export interface CardReplayInputs {
  disposalAfterDays: number;
  expressSetupDays: number;
  /** Cards already in stock that the replay may step: set up and waiting for their holders. */
  known: Card[];
  /** Their ids in the order the card search gives them (express last, the longest waiting first). */
  ready: string[];
}

/**
 * What a replay starts from: the settings, and the cards set up and waiting, found as the back
 * office finds them (the card search, audited like any search) and read whole.
 */
export async function loadCardReplay(ctx: Ctx): Promise<CardReplayInputs> {
  const { disposalAfterDays, expressSetupDays } = await findCardSettings(ctx.tx, ctx.tenantId);
  const ready = (await searchCards(ctx, { state: "set_up" })).map((c) => c.id);
  const known = await findCardsById(ctx.tx, ctx.tenantId, ready);
  return { disposalAfterDays, expressSetupDays, known, ready };
}

export class CardReplay {
  private readonly fresh = new Map<string, Card>();
  private readonly changed = new Map<string, Card>();
  private readonly known: Map<string, Card>;
  private batches: {
    tenantId: string;
    batchId: string;
    deliveredOn: string;
    receivedAt: Date;
    receivedBy: string;
  }[] = [];
  private events: CardEvent[] = [];
  private refs = new Set<string>();

  constructor(
    private readonly log: ReplayLog,
    private readonly inputs: CardReplayInputs,
  ) {
    this.known = new Map(inputs.known.map((c) => [c.cardId, { ...c }]));
  }

  receive(actor: Actor, props: BatchProps) {
    this.log.requireAccess(actor, "card.work");
    const at = now();
    const batchId = newId();
    const rows = receivedCards({
      tenantId: this.log.tenantId,
      batchId,
      batch: props,
      at,
      expressSetupDays: this.inputs.expressSetupDays,
    });
    // The partial unique index on live references, for the cards this replay knows; the
    // database decides for the rest when the month is written.
    if (rows.some((c) => this.refs.has(c.noticeRef))) throw noticeRefTaken();
    for (const c of rows) {
      this.refs.add(c.noticeRef);
      this.fresh.set(c.cardId, c);
    }
    this.batches.push({
      tenantId: this.log.tenantId,
      batchId,
      deliveredOn: props.deliveredOn,
      receivedAt: at,
      receivedBy: actor.userId,
    });
    this.events.push(...receivedEvents(rows, actor.userId, at));
    this.log.audit(actor, receivedAudit(batchId, props.deliveredOn, rows.length));
    return { batchId, cards: rows.map((c) => ({ id: c.cardId, state: "received" as const })) };
  }

  /** stepCard: the card, the state machine, the change, the event, the audit. */
  private step(actor: Actor, cardId: string, action: CardAction, change: Partial<Card>) {
    this.log.requireAccess(actor, action === "dispose" ? "card.dispose" : "card.work");
    const card = this.fresh.get(cardId) ?? this.known.get(cardId);
    if (!card) throw new Error(`the replay does not know card ${cardId}`);
    const at = now();
    const step = cardStep({
      card,
      action,
      actorId: actor.userId,
      at,
      disposalAfterDays: this.inputs.disposalAfterDays,
    });
    Object.assign(card, change, { state: step.to, updatedAt: at });
    if (!this.fresh.has(cardId)) this.changed.set(cardId, card);
    this.events.push(step.event);
    this.log.audit(actor, step.audit);
  }

  setUp(actor: Actor, props: { cardId: string; terminal?: string | undefined }): void {
    this.step(actor, props.cardId, "setup", setupChange(actor.userId, props.terminal, now()));
  }

  handOver(
    actor: Actor,
    props: { cardId: string; identityCheck: string; reservationId?: string | undefined },
  ): void {
    this.step(actor, props.cardId, "hand_over", handoverChange(actor.userId, props, now()));
  }

  /**
   * The rows made since the last call, as they stand now (copies: what is stepped later changes
   * the stock, not these); the cards made here are stock from now on, changed by an update.
   */
  take(): CardRows {
    const rows: CardRows = {
      batches: this.batches,
      cards: [...this.fresh.values()].map((c) => ({ ...c })),
      changed: [...this.changed.values()].map((c) => ({ ...c })),
      events: this.events,
    };
    for (const [id, card] of this.fresh) this.known.set(id, card);
    this.fresh.clear();
    this.changed.clear();
    this.batches = [];
    this.events = [];
    return rows;
  }
}
