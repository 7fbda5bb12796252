import { onCalendarChange } from "../calendar/changes.ts";
import { businessDayOf } from "../calendar/days.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import type { Executor } from "../platform/db/index.ts";
import { ALL_TENANTS, on } from "../platform/events/bus.ts";
import type { Ctx } from "../platform/operation.ts";
import {
  findQueueSettings,
  listCounters,
  listGroups,
  listProcedures,
  listTerminals,
} from "./store.ts";

/**
 * The tenant's catalogue (groups, procedures, counters, terminals, queue settings) and today's
 * calendar change rarely but are read by every ticket operation: kept for a few seconds in this
 * process, and dropped at once on every process when a change commits (platform events). The few
 * seconds only bound what a lost event could leave stale, so they are counted on the machine's
 * own monotonic time, not on the service clock (which a simulation or a training session moves by
 * hours).
 */
const CATALOGUE_TTL_MS = 5_000;
/** A calendar decision (say, a closure) reaches the kiosk within this long. */
const CALENDAR_TTL_MS = 15_000;

type Catalogue = {
  groups: Awaited<ReturnType<typeof listGroups>>;
  procedures: Awaited<ReturnType<typeof listProcedures>>;
  counters: Awaited<ReturnType<typeof listCounters>>;
  terminals: Awaited<ReturnType<typeof listTerminals>>;
  settings: Awaited<ReturnType<typeof findQueueSettings>>;
};

const catalogues = new Map<string, { value: Promise<Catalogue>; at: number }>();
const calendars = new Map<string, { value: Promise<BusinessDay>; at: number }>();

export function catalogueOf(db: Executor, tenantId: string): Promise<Catalogue> {
  const hit = catalogues.get(tenantId);
  if (hit && performance.now() - hit.at < CATALOGUE_TTL_MS) return hit.value;
  const value = (async () => {
    // In turn: callers pass their transaction, one connection that runs one query at a time.
    const groups = await listGroups(db, tenantId);
    const procedures = await listProcedures(db, tenantId);
    const counters = await listCounters(db, tenantId);
    const terminals = await listTerminals(db, tenantId);
    const settings = await findQueueSettings(db, tenantId);
    return { groups, procedures, counters, terminals, settings };
  })();
  catalogues.set(tenantId, { value, at: performance.now() });
  value.catch(() => catalogues.delete(tenantId));
  return value;
}

onCalendarChange((tenantId) => {
  for (const key of calendars.keys())
    if (tenantId === ALL_TENANTS || key.startsWith(`${tenantId}/`)) calendars.delete(key);
});

on("catalogue", (tenantId) => {
  if (tenantId === ALL_TENANTS) catalogues.clear();
  else catalogues.delete(tenantId);
});

/** Every process drops the tenant's catalogue once this write commits. */
export function catalogueChanged(ctx: Ctx): Promise<void> {
  return ctx.emit("catalogue");
}

export function calendarDayOf(db: Executor, tenantId: string, day: string): Promise<BusinessDay> {
  const key = `${tenantId}/${day}`;
  const hit = calendars.get(key);
  if (hit && performance.now() - hit.at < CALENDAR_TTL_MS) return hit.value;
  const value = businessDayOf(db, tenantId, day);
  calendars.set(key, { value, at: performance.now() });
  value.catch(() => calendars.delete(key));
  return value;
}
