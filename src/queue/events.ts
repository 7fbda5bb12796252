import { ALL_TENANTS, on } from "../platform/events/bus.ts";
import type { Ctx } from "../platform/operation.ts";

/**
 * Queue events: operations announce in their transaction; every server process hears them
 * (through the platform's events, whatever carries them) and its live views (board, status
 * pages, congestion, staff screens) refresh and push over Server-Sent Events.
 */
export interface QueueEvent {
  type: "ticket" | "counter";
  action: string;
  ticketId?: string;
  displayNumber?: string;
  counterId?: string;
}

/** Tells every process of a change to the tenant's queue, once the transaction commits. */
export function announce(ctx: Ctx, event: QueueEvent): Promise<void> {
  return ctx.emit("queue", { ...event });
}

type Listener = (event: QueueEvent) => void;
const listeners = new Map<string, Set<Listener>>();

const fanOut = (tenantId: string, event: QueueEvent) => {
  const targets = tenantId === ALL_TENANTS ? [...listeners.values()] : [listeners.get(tenantId)];
  for (const set of targets) for (const listener of set ?? []) listener(event);
};
on("queue", (tenantId, event) => fanOut(tenantId, event as unknown as QueueEvent));
// A catalogue change (a terminal out of service, a procedure retired) changes what live views show.
on("catalogue", (tenantId) => fanOut(tenantId, { type: "counter", action: "catalogue" }));

export function subscribe(tenantId: string, listener: Listener): () => void {
  let set = listeners.get(tenantId);
  if (!set) {
    set = new Set();
    listeners.set(tenantId, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(tenantId);
  };
}
