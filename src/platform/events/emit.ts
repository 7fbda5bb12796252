import { sql } from "drizzle-orm";
import { type Db, runsOneTransactionAtATime, type Tx } from "../db/index.ts";
import { deliver, encode, type Topic } from "./bus.ts";
import { CHANNEL } from "./listener.ts";

/**
 * Sends an event of the writing transaction: on PostgreSQL a NOTIFY in that transaction (sent at
 * its commit, dropped by its rollback), on PGlite a hand-over to the handlers after the commit.
 */
export async function emitIn(
  db: Db,
  tx: Tx,
  afterCommit: (hook: () => unknown) => void,
  message: { topic: Topic; tenantId: string; event: Record<string, unknown> },
): Promise<void> {
  if (runsOneTransactionAtATime(db)) {
    afterCommit(() => deliver(message.topic, message.tenantId, message.event));
    return;
  }
  await tx.execute(
    sql`select pg_notify(${CHANNEL}, ${encode(message.topic, message.tenantId, message.event)})`,
  );
}
