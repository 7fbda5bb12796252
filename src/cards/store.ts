import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { bulkInsert, bulkUpdate } from "../platform/db/bulk.ts";
import type { Executor, Tx } from "../platform/db/index.ts";
import { retentionCounts } from "../platform/retention.ts";
import { cardBatches, cardEvents, cardStocktakes, cards } from "./schema.ts";

export type Card = typeof cards.$inferSelect;
export type CardEvent = typeof cardEvents.$inferSelect;

export async function insertBatch(tx: Tx, row: typeof cardBatches.$inferInsert): Promise<void> {
  await tx.insert(cardBatches).values(row);
}

export async function insertCards(tx: Tx, rows: Card[]): Promise<void> {
  if (rows.length > 0) await tx.insert(cards).values(rows);
}

export async function insertEvents(tx: Tx, rows: CardEvent[]): Promise<void> {
  if (rows.length > 0) await tx.insert(cardEvents).values(rows);
}

export async function findCardsById(
  db: Executor,
  tenantId: string,
  cardIds: string[],
): Promise<Card[]> {
  if (cardIds.length === 0) return [];
  return db
    .select()
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), inArray(cards.cardId, cardIds)));
}

/** A card locked for its step: two counters handing it over at once take turns, and the second sees it gone. */
export async function lockCard(
  tx: Tx,
  tenantId: string,
  cardId: string,
): Promise<Card | undefined> {
  const [row] = await tx
    .select()
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.cardId, cardId)))
    .for("update");
  return row;
}

export async function updateCard(tx: Tx, card: Card, change: Partial<Card>): Promise<Card> {
  const [row] = await tx
    .update(cards)
    .set(change)
    .where(and(eq(cards.tenantId, card.tenantId), eq(cards.cardId, card.cardId)))
    .returning();
  return row!;
}

export async function findCards(
  db: Executor,
  tenantId: string,
  filter: {
    state?: string | undefined;
    nameKana?: string | undefined;
    birthDate?: string | undefined;
    noticeRef?: string | undefined;
  },
  limit = 200,
): Promise<Card[]> {
  return db
    .select()
    .from(cards)
    .where(
      and(
        eq(cards.tenantId, tenantId),
        filter.state ? eq(cards.state, filter.state) : undefined,
        filter.nameKana ? sql`${cards.nameKana} like ${`${filter.nameKana}%`}` : undefined,
        filter.birthDate ? eq(cards.birthDate, filter.birthDate) : undefined,
        filter.noticeRef ? eq(cards.noticeRef, filter.noticeRef) : undefined,
      ),
    )
    .orderBy(asc(cards.express), asc(cards.updatedAt))
    .limit(limit);
}

export async function countByState(db: Executor, tenantId: string) {
  return db
    .select({ state: cards.state, count: sql<number>`count(*)::int` })
    .from(cards)
    .where(eq(cards.tenantId, tenantId))
    .groupBy(cards.state);
}

/** Steps taken per day (Tokyo) and action between two days: what the reports count. */
export async function stepsPerDay(db: Executor, tenantId: string, from: string, to: string) {
  const day = sql<string>`to_char(${cardEvents.at} at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`;
  return db
    .select({ day, action: cardEvents.action, count: sql<number>`count(*)::int` })
    .from(cardEvents)
    .where(and(eq(cardEvents.tenantId, tenantId), sql`${day} between ${from} and ${to}`))
    .groupBy(day, cardEvents.action);
}

export async function eventsOf(
  db: Executor,
  tenantId: string,
  cardId: string,
): Promise<CardEvent[]> {
  return db
    .select()
    .from(cardEvents)
    .where(and(eq(cardEvents.tenantId, tenantId), eq(cardEvents.cardId, cardId)))
    .orderBy(asc(cardEvents.at));
}

/** Cards waiting for setup, counted by their deadline (null: none). */
export async function setupBacklog(db: Executor, tenantId: string) {
  return db
    .select({ dueOn: cards.setupDueOn, count: sql<number>`count(*)::int` })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.state, "received")))
    .groupBy(cards.setupDueOn);
}

/** Cards received per month (Tokyo) between two days: only months with a delivery. */
export async function receivedPerMonth(db: Executor, tenantId: string, from: string, to: string) {
  const month = sql<string>`to_char(${cardBatches.deliveredOn}, 'YYYY-MM')`;
  return db
    .select({ month, count: sql<number>`count(*)::int` })
    .from(cards)
    .innerJoin(
      cardBatches,
      and(eq(cardBatches.tenantId, cards.tenantId), eq(cardBatches.batchId, cards.batchId)),
    )
    .where(
      and(eq(cards.tenantId, tenantId), sql`${cardBatches.deliveredOn} between ${from} and ${to}`),
    )
    .groupBy(month);
}

/** The day of the office's first delivery, or null before any. */
export async function firstDelivery(db: Executor, tenantId: string): Promise<string | null> {
  const [row] = await db
    .select({ first: sql<string | null>`min(${cardBatches.deliveredOn})::text` })
    .from(cardBatches)
    .where(eq(cardBatches.tenantId, tenantId));
  return row?.first ?? null;
}

/** 保存期限: how many are kept until each day (仕様 14), for the retention report. */
export const retentionOf = (db: Executor, tenantId?: string) =>
  retentionCounts(db, cardStocktakes, tenantId);

/**
 * The rows of replayed days (the demo's history), written at once: the batches, the new cards as
 * they stand, the changes to cards received before, and every step's event (see replay.ts).
 */
export interface CardRows {
  batches: (typeof cardBatches.$inferInsert)[];
  cards: Card[];
  changed: Card[];
  events: CardEvent[];
}

export async function writeCardRows(tx: Tx, rows: CardRows): Promise<number> {
  await bulkInsert(tx, cardBatches, rows.batches);
  await bulkInsert(tx, cards, rows.cards);
  await bulkUpdate(tx, cards, ["tenantId", "cardId"], rows.changed);
  await bulkInsert(tx, cardEvents, rows.events);
  return rows.batches.length + rows.cards.length + rows.changed.length + rows.events.length;
}
