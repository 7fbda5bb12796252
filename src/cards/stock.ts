import { and, desc, eq, inArray } from "drizzle-orm";
import { localDate, now } from "../platform/clock.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { retainUntil } from "../platform/retention.ts";
import { cardOut } from "./cards.ts";
import type { CardState } from "./rules.ts";
import { cardStocktakes, cards } from "./schema.ts";
import { findCardSettings } from "./settings.ts";

/** States in which a card is in the office's keeping (in a locker). */
export const IN_KEEPING: CardState[] = [
  "received",
  "set_up",
  "notice_sent",
  "reserved",
  "unclaimed",
  "reminded",
];

/**
 * 棚卸: the references scanned in one locker (or everywhere) against the cards the records put
 * there. Missing: kept there, not scanned. Misplaced: scanned here, kept elsewhere. Unknown: not
 * a card in keeping. The result is kept on record for the manager and the city.
 */
export async function takeStock(ctx: Ctx, props: { locker?: string | undefined; found: string[] }) {
  requireAccess(ctx, "card.work");
  const found = [...new Set(props.found.map((r) => r.trim().toUpperCase()).filter(Boolean))];
  const kept = await ctx.tx
    .select()
    .from(cards)
    .where(and(eq(cards.tenantId, ctx.tenantId), inArray(cards.state, IN_KEEPING)));
  const byRef = new Map(kept.map((c) => [c.noticeRef, c]));
  const here = props.locker ? kept.filter((c) => c.locker === props.locker) : kept;
  const scanned = new Set(found);
  const missing = here
    .filter((c) => !scanned.has(c.noticeRef))
    .map((c) => ({ noticeRef: c.noticeRef, locker: c.locker, slot: c.slot }));
  const misplaced = props.locker
    ? found
        .map((r) => byRef.get(r))
        .filter((c) => c !== undefined && c.locker !== props.locker)
        .map((c) => ({ noticeRef: c!.noticeRef, locker: c!.locker, foundIn: props.locker ?? null }))
    : [];
  const unknown = found.filter((r) => !byRef.has(r));
  const row = {
    tenantId: ctx.tenantId,
    stocktakeId: newId(),
    locker: props.locker ?? null,
    scanned: found.length,
    missing,
    misplaced,
    unknown,
    takenAt: now(),
    takenBy: ctx.actor.userId,
    takenByName: ctx.actor.displayName ?? ctx.actor.userId,
    retainUntil: await retainUntil(ctx.tx, ctx.tenantId, localDate(now())),
  };
  await ctx.tx.insert(cardStocktakes).values(row);
  await audit(ctx, {
    action: "card.stocktake",
    entity: "card_stocktake",
    entityId: row.stocktakeId,
    change: {
      locker: row.locker,
      scanned: row.scanned,
      missing: missing.length,
      misplaced: misplaced.length,
      unknown: unknown.length,
    },
  });
  return stocktakeOut(row);
}

const stocktakeOut = (r: typeof cardStocktakes.$inferSelect) => ({
  stocktakeId: r.stocktakeId,
  locker: r.locker,
  scanned: r.scanned,
  missing: r.missing,
  misplaced: r.misplaced,
  unknown: r.unknown,
  takenAt: r.takenAt.toISOString(),
  takenByName: r.takenByName,
  clean: r.missing.length + r.misplaced.length + r.unknown.length === 0,
});

/** Every stocktake, newest first: the manager's and the city's record of the stock. */
export async function stocktakes(ctx: Ctx) {
  requireAccess(ctx, "card.stocktake_read");
  const rows = await ctx.tx
    .select()
    .from(cardStocktakes)
    .where(eq(cardStocktakes.tenantId, ctx.tenantId))
    .orderBy(desc(cardStocktakes.takenAt))
    .limit(100);
  await audit(ctx, { action: "card.stocktake_read", entity: "card_stocktake" });
  return rows.map(stocktakeOut);
}

/**
 * The back office's work: setups to do (nearest deadline first, then express, then the oldest), notices to send,
 * reminders due (unclaimed), disposals due (the city's period over), express cards not yet
 * handed over.
 */
export async function cardQueues(ctx: Ctx) {
  requireAccess(ctx, "card.read");
  const open = await ctx.tx
    .select()
    .from(cards)
    .where(and(eq(cards.tenantId, ctx.tenantId), inArray(cards.state, IN_KEEPING)));
  const { disposalAfterDays } = await findCardSettings(ctx.tx, ctx.tenantId);
  const at = now().getTime();
  const days = (d: Date | null) => (d ? Math.floor((at - d.getTime()) / 86_400_000) : 0);
  // The nearest deadline first (a holder's booked handover, an express card's), then the oldest.
  const byAge = (a: (typeof open)[number], b: (typeof open)[number]) =>
    (a.setupDueOn ?? "9999").localeCompare(b.setupDueOn ?? "9999") ||
    Number(b.express) - Number(a.express) ||
    a.updatedAt.getTime() - b.updatedAt.getTime();
  await audit(ctx, { action: "card.search", entity: "card", change: { queues: true } });
  return {
    setup: open
      .filter((c) => c.state === "received")
      .sort(byAge)
      .map(cardOut),
    notices: open
      .filter((c) => c.state === "set_up")
      .sort(byAge)
      .map(cardOut),
    reminders: open
      .filter((c) => c.state === "unclaimed")
      .sort(byAge)
      .map(cardOut),
    disposals: open
      .filter(
        (c) =>
          (c.state === "unclaimed" || c.state === "reminded") &&
          days(c.noticeSentAt) >= disposalAfterDays,
      )
      .sort(byAge)
      .map(cardOut),
    express: open
      .filter((c) => c.express)
      .sort(byAge)
      .map(cardOut),
  };
}
