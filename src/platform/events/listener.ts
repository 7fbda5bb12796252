import pg from "pg";
import { decode, deliver, deliverEverywhere } from "./bus.ts";

/** The one channel every process listens on; the payload says the topic and the tenant. */
export const CHANNEL = "madoguchi_events";

const RETRY_MS = [100, 250, 500, 1000, 2000];

/**
 * This process's LISTEN connection: a client of its own (a pooled one would be handed to other
 * work), delivering each notification to this process's handlers. When the connection is lost
 * (the database restarted, a network cut) it reconnects, and then tells every handler that it
 * may have missed events, so caches are dropped and live views reload.
 */
export function listenForEvents(url: string): { ready: Promise<void>; close: () => Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      const decoded = message.payload ? decode(message.payload) : undefined;
      if (decoded) deliver(decoded.topic, decoded.tenantId, decoded.event);
    });
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    if (attempt > 0) deliverEverywhere();
    attempt = 0;
  };
  const lost = (which: pg.Client) => {
    if (closed || client !== which) return;
    client = undefined;
    which.end().catch(() => {});
    retry();
  };
  const retry = () => {
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    attempt++;
    setTimeout(() => {
      if (!closed) connect().catch(retry);
    }, wait).unref();
  };
  const ready = connect();
  return {
    ready,
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
