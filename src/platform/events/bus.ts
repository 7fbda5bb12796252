/**
 * Events between the processes that serve one database: queue changes for the live views, and
 * the "this changed" notes that make every process drop a cache at once. Domains emit and listen
 * here and never know which transport runs:
 * - on PostgreSQL an event is a NOTIFY sent inside the writing transaction, so a rolled-back
 *   write announces nothing, and every process's LISTEN connection (listener.ts) delivers it to
 *   that process's handlers, the emitting one's included;
 * - on PGlite, which one process owns, it is handed to the handlers after the commit.
 */
export type Topic = "queue" | "catalogue" | "calendar" | "incident" | "emergency" | "manual";

/** Every tenant: what a process hears after its listener reconnects, having maybe missed events. */
export const ALL_TENANTS = "*";

type Handler = (tenantId: string, event: Record<string, unknown>) => void;
const handlers = new Map<Topic, Set<Handler>>();

export function on(topic: Topic, handler: Handler): () => void {
  let set = handlers.get(topic);
  if (!set) {
    set = new Set();
    handlers.set(topic, set);
  }
  set.add(handler);
  return () => set.delete(handler);
}

/** This process's handlers of a topic; one failing handler does not keep the event from the rest. */
export function deliver(topic: Topic, tenantId: string, event: Record<string, unknown>): void {
  for (const handler of handlers.get(topic) ?? []) {
    try {
      handler(tenantId, event);
    } catch {
      // A live view that fails to refresh reloads on the next event.
    }
  }
}

/** After a lost listener connection: every cache dropped, every live view refreshed. */
export function deliverEverywhere(): void {
  for (const topic of handlers.keys()) deliver(topic, ALL_TENANTS, { resync: true });
}

/** NOTIFY carries at most 8000 bytes: an event is ids and actions, and a larger one says only "changed". */
export const MAX_PAYLOAD = 7_500;

export function encode(topic: Topic, tenantId: string, event: Record<string, unknown>): string {
  const payload = JSON.stringify({ t: topic, k: tenantId, e: event });
  return Buffer.byteLength(payload) <= MAX_PAYLOAD
    ? payload
    : JSON.stringify({ t: topic, k: tenantId, e: { truncated: true } });
}

export function decode(
  payload: string,
): { topic: Topic; tenantId: string; event: Record<string, unknown> } | undefined {
  try {
    const { t, k, e } = JSON.parse(payload) as { t: Topic; k: string; e: Record<string, unknown> };
    return typeof t === "string" && typeof k === "string"
      ? { topic: t, tenantId: k, event: e ?? {} }
      : undefined;
  } catch {
    return undefined;
  }
}
