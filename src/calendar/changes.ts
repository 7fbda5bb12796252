import { on } from "../platform/events/bus.ts";
import type { Ctx } from "../platform/operation.ts";

/**
 * Who keeps a tenant's business days in memory (the queue's kiosk and estimate caches) hears of
 * each committed calendar decision here, on every server process, so a closure or an extension
 * reaches every kiosk at once. ALL_TENANTS: events may have been missed; drop everything.
 */
type Listener = (tenantId: string) => void;
const listeners = new Set<Listener>();

on("calendar", (tenantId) => {
  for (const listener of listeners) listener(tenantId);
});

export function onCalendarChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by every calendar write, in its transaction: heard once it commits. */
export function calendarChanged(ctx: Ctx): Promise<void> {
  return ctx.emit("calendar");
}
