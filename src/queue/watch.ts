import { subscribe } from "./events.ts";
import { invalidate } from "./live.ts";

type Watcher = () => void;
const watchers = new Map<
  string,
  { listeners: Set<Watcher>; timer: NodeJS.Timeout | undefined; stop: () => void }
>();
/** Events closer together than this become one update: a burst of calls is one push, not many. */
const COALESCE_MS = 50;

/** Calls the listener shortly after each change to the tenant's queue (one timer per tenant). */
export function watchQueue(tenantId: string, listener: Watcher): () => void {
  let entry = watchers.get(tenantId);
  if (!entry) {
    const created = {
      listeners: new Set<Watcher>(),
      timer: undefined as NodeJS.Timeout | undefined,
      stop: subscribe(tenantId, () => {
        invalidate(tenantId);
        created.timer ??= setTimeout(() => {
          created.timer = undefined;
          for (const l of created.listeners) l();
        }, COALESCE_MS);
      }),
    };
    entry = created;
    watchers.set(tenantId, entry);
  }
  const current = entry;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.stop();
      if (current.timer) clearTimeout(current.timer);
      watchers.delete(tenantId);
    }
  };
}
