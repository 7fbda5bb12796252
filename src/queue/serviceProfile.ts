import { addDays } from "../calendar/dates.ts";
import type { Executor } from "../platform/db/index.ts";
import { recentServiceMinutes } from "./ticketStore.ts";

/** The predictor learns service times from the last 60 days. */
export const HISTORY_DAYS = 60;

export type ServiceSample = Awaited<ReturnType<typeof recentServiceMinutes>>[number];

/**
 * The service records of the 60 days before a service day: finished days, which no longer change,
 * so they are read once per tenant and day instead of with every new ticket (up to 2,000 rows
 * each time). Today's own records are read fresh by the caller.
 */
const past = new Map<string, Promise<ServiceSample[]>>();
/** Today and, while a past day is replayed, that day too; a few spare. */
const KEPT = 8;

export function pastServiceMinutes(
  db: Executor,
  tenantId: string,
  serviceDay: string,
): Promise<ServiceSample[]> {
  const key = `${tenantId}/${serviceDay}`;
  const hit = past.get(key);
  if (hit) return hit;
  const rows = recentServiceMinutes(db, tenantId, addDays(serviceDay, -HISTORY_DAYS), serviceDay);
  past.set(key, rows);
  if (past.size > KEPT) past.delete(past.keys().next().value!);
  rows.catch(() => past.delete(key));
  return rows;
}
