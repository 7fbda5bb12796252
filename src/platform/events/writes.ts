import { sql } from "drizzle-orm";
import { auditPending } from "../audit/schema.ts";
import type { PendingAudit } from "../audit/store.ts";
import type { Tx } from "../db/index.ts";
import { CHANNEL } from "./listener.ts";

/**
 * What an operation adds to every write besides its own rows: its audit events and its
 * notifications to the other processes. They are kept until the operation's work is done and
 * then sent as one statement (a data-modifying CTE inserting the audit rows and calling
 * pg_notify), one round trip instead of one per event, still inside the transaction: they
 * commit or vanish with the write, and the deferred trigger chains the audit events at commit.
 */
export class TrailingWrites {
  readonly audits: PendingAudit[] = [];
  readonly notifications: string[] = [];

  async flush(tx: Tx): Promise<void> {
    const audits = this.audits.splice(0);
    const notes = this.notifications.splice(0);
    if (audits.length === 0 && notes.length === 0) return;
    if (notes.length === 0) {
      await tx.insert(auditPending).values(audits);
      return;
    }
    const notify = sql.join(
      notes.map((payload) => sql`pg_notify(${CHANNEL}, ${payload})`),
      sql`, `,
    );
    if (audits.length === 0) {
      await tx.execute(sql`select ${notify}`);
      return;
    }
    const insert = tx.insert(auditPending).values(audits).getSQL();
    await tx.execute(
      sql`with written as (${insert} returning 1) select ${notify}, (select count(*) from written)`,
    );
  }
}
