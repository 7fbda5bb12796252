/**
 * Queue events inside the server process: operations publish after their transaction commits;
 * the live views (board, status pages, congestion) listen and push over Server-Sent Events.
 * One server process serves a tenant; several would need PostgreSQL LISTEN/NOTIFY here.
 */
export interface QueueEvent {
  type: "ticket" | "counter";
  action: string;
  ticketId?: string;
  displayNumber?: string;
  counterId?: string;
}

type Listener = (event: QueueEvent) => void;
const listeners = new Map<string, Set<Listener>>();

export function publish(tenantId: string, event: QueueEvent): void {
  for (const listener of listeners.get(tenantId) ?? []) listener(event);
}

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
