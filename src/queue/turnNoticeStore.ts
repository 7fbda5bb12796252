import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../platform/db/index.ts";
import { turnNotices } from "./schema.ts";

export type TurnNoticeRow = typeof turnNotices.$inferSelect;

const keyOf = (tenantId: string, ticketId: string, channel: string) =>
  and(
    eq(turnNotices.tenantId, tenantId),
    eq(turnNotices.ticketId, ticketId),
    eq(turnNotices.channel, channel),
  );

/** Asking again replaces the earlier request on the same channel (a corrected address). */
export async function saveTurnNotice(db: Executor, row: TurnNoticeRow): Promise<void> {
  await db
    .insert(turnNotices)
    .values(row)
    .onConflictDoUpdate({
      target: [turnNotices.tenantId, turnNotices.ticketId, turnNotices.channel],
      set: {
        address: row.address,
        aheadAtMost: row.aheadAtMost,
        createdAt: row.createdAt,
        sentAt: null,
        endedAt: null,
      },
    });
}

export async function turnNoticesOfTicket(db: Executor, tenantId: string, ticketId: string) {
  return db
    .select({
      channel: turnNotices.channel,
      aheadAtMost: turnNotices.aheadAtMost,
      sentAt: turnNotices.sentAt,
      endedAt: turnNotices.endedAt,
    })
    .from(turnNotices)
    .where(and(eq(turnNotices.tenantId, tenantId), eq(turnNotices.ticketId, ticketId)));
}

/** The notices still to send today, locked so two senders cannot both send one. */
export async function openTurnNotices(
  db: Executor,
  tenantId: string,
  serviceDay: string,
): Promise<TurnNoticeRow[]> {
  return db
    .select()
    .from(turnNotices)
    .where(
      and(
        eq(turnNotices.tenantId, tenantId),
        eq(turnNotices.serviceDay, serviceDay),
        isNull(turnNotices.sentAt),
        isNull(turnNotices.endedAt),
        isNotNull(turnNotices.address),
      ),
    )
    .for("update", { skipLocked: true });
}

/** Sent or ended: the address is no longer needed and is blanked at once. */
export async function closeTurnNotice(
  db: Executor,
  row: Pick<TurnNoticeRow, "tenantId" | "ticketId" | "channel">,
  how: "sent" | "ended",
  at: Date,
): Promise<void> {
  await db
    .update(turnNotices)
    .set(how === "sent" ? { sentAt: at, address: null } : { endedAt: at, address: null })
    .where(keyOf(row.tenantId, row.ticketId, row.channel));
}

/** Requests of earlier days that never came due (the person left): their addresses go. */
export async function blankStaleTurnNotices(
  db: Executor,
  tenantId: string,
  beforeDay: string,
  at: Date,
): Promise<number> {
  const rows = await db
    .update(turnNotices)
    .set({ address: null, endedAt: sql`coalesce(${turnNotices.endedAt}, ${at})` })
    .where(
      and(
        eq(turnNotices.tenantId, tenantId),
        lt(turnNotices.serviceDay, beforeDay),
        isNotNull(turnNotices.address),
      ),
    )
    .returning({ ticketId: turnNotices.ticketId });
  return rows.length;
}
