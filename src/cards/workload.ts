import { addDays, month, monthEnd } from "../calendar/dates.ts";
import { localDate, now } from "../platform/clock.ts";
import { type Ctx, requireAccess } from "../platform/operation.ts";
import { firstDelivery, receivedPerMonth, setupBacklog } from "./store.ts";

/**
 * Cards received per month on average over the whole months of a window the office kept its
 * stock in: the month of its first delivery is partial and does not count, a month after it
 * with no delivery counts as none. Null when no such month is in the window.
 */
export function monthlyAverage(
  received: { month: string; count: number }[],
  firstDeliveredOn: string | null,
  from: string,
  to: string,
): number | null {
  if (!firstDeliveredOn) return null;
  const months: string[] = [];
  for (let m = month(from); m <= month(to); m = month(addDays(`${m}-28`, 4)))
    if (m > month(firstDeliveredOn) && `${m}-01` >= from && monthEnd(m) <= to) months.push(m);
  if (months.length === 0) return null;
  const counts = new Map(received.map((r) => [r.month, r.count]));
  return months.reduce((sum, m) => sum + (counts.get(m) ?? 0), 0) / months.length;
}

/**
 * What the staffing planner reads of the back office (交付前設定): the cards waiting for setup
 * now, those with a deadline grouped by their last day, and how many cards the office received
 * in each whole month of the window. Counts only: no holder is named.
 */
export async function setupWorkload(
  ctx: Ctx,
  props: { historyFrom: string; historyTo: string },
): Promise<SetupWorkload> {
  requireAccess(ctx, "card.read");
  const waiting = await setupBacklog(ctx.tx, ctx.tenantId);
  const today = localDate(now());
  const due = new Map<string, number>();
  let backlog = 0;
  for (const row of waiting) {
    backlog += row.count;
    // A deadline already past is due at once: the first day planned.
    if (!row.dueOn) continue;
    const by = row.dueOn < today ? today : row.dueOn;
    due.set(by, (due.get(by) ?? 0) + row.count);
  }
  const received = await receivedPerMonth(ctx.tx, ctx.tenantId, props.historyFrom, props.historyTo);
  const first = await firstDelivery(ctx.tx, ctx.tenantId);
  return {
    asOf: today,
    backlog,
    due: [...due].map(([by, count]) => ({ by, count })).sort((a, b) => a.by.localeCompare(b.by)),
    receivedPerMonth: monthlyAverage(received, first, props.historyFrom, props.historyTo),
  };
}

export interface SetupWorkload {
  /** The day the backlog was read. */
  asOf: string;
  /** Cards received and not yet set up. */
  backlog: number;
  /** Of those, how many must be set up by each day (past deadlines count as due on asOf). */
  due: { by: string; count: number }[];
  /** Cards received per whole month of kept stock in the window, on average (monthlyAverage). */
  receivedPerMonth: number | null;
}
