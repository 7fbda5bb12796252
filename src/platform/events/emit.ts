import { type Db, runsOneTransactionAtATime } from "../db/index.ts";
import { deliver, encode, type Topic } from "./bus.ts";
import type { TrailingWrites } from "./writes.ts";

/**
 * Sends an event of the writing transaction: on PostgreSQL a NOTIFY in that transaction (sent at
 * its commit, dropped by its rollback), on PGlite a hand-over to the handlers after the commit.
 */
export async function emitIn(
  db: Db,
  trailing: TrailingWrites,
  afterCommit: (hook: () => unknown) => void,
  message: { topic: Topic; tenantId: string; event: Record<string, unknown> },
): Promise<void> {
  if (runsOneTransactionAtATime(db)) {
    afterCommit(() => deliver(message.topic, message.tenantId, message.event));
    return;
  }
  // Sent with the operation's audit rows, at the end of its work (writes.ts).
  trailing.notifications.push(encode(message.topic, message.tenantId, message.event));
}
