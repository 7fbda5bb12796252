import { and, eq, gte, lte } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { demoHistoryDays } from "./schema.ts";

/** The SQL of the demo's own bookkeeping: which days of its history are made. */
export async function madeDays(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .select({ day: demoHistoryDays.day })
    .from(demoHistoryDays)
    .where(
      and(
        eq(demoHistoryDays.tenantId, tenantId),
        gte(demoHistoryDays.day, from),
        lte(demoHistoryDays.day, to),
      ),
    );
  return rows.map((r) => r.day);
}

export async function markDaysMade(tx: Tx, tenantId: string, days: string[], at: Date) {
  if (days.length > 0)
    await tx.insert(demoHistoryDays).values(days.map((day) => ({ tenantId, day, madeAt: at })));
}
