import { addDays } from "../calendar/dates.ts";
import { type Ctx, requireAccess } from "../platform/operation.ts";
import { reservationCountsBetween } from "./store.ts";

/**
 * How many bookings each day had, by how they ended (booked, checked in, 不来所, cancelled):
 * counts only, for the reports, so no one's name or contact is read.
 */
export async function reservationCounts(
  ctx: Ctx,
  range: { from: string; to: string },
): Promise<Record<string, Record<string, number>>> {
  requireAccess(ctx, "report.read");
  const rows = await reservationCountsBetween(
    ctx.tx,
    ctx.tenantId,
    new Date(`${range.from}T00:00:00+09:00`),
    new Date(`${addDays(range.to, 1)}T00:00:00+09:00`),
  );
  const byDay: Record<string, Record<string, number>> = {};
  for (const r of rows) byDay[r.day] = { ...byDay[r.day], [r.status]: r.count };
  return byDay;
}
