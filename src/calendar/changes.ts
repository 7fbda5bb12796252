import type { Ctx } from "../platform/operation.ts";

/**
 * Who keeps a tenant's business days in memory (the queue's kiosk and estimate caches) hears of
 * each committed calendar decision here, so a closure or an extension reaches the kiosk at once in
 * this process; other processes still see it within their cache's few seconds.
 */
type Listener = (tenantId: string) => void;
const listeners = new Set<Listener>();

export function onCalendarChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by every calendar write, after its commit. */
export function calendarChanged(ctx: Ctx): void {
  ctx.afterCommit(() => {
    for (const listener of listeners) listener(ctx.tenantId);
  });
}
