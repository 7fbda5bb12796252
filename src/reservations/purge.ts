import { and, isNull, lt, sql } from "drizzle-orm";
import { auditContext, systemActor } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { now } from "../platform/clock.ts";
import { type Db, queryRows, transaction } from "../platform/db/index.ts";
import { purgeSentMails } from "../platform/mail/outbox.ts";
import { queueReminders, reservationSettingsOf } from "./operations.ts";
import { reservations } from "./schema.ts";

/**
 * Data minimisation (§11, §12): contact data of reservations is kept only until some days after
 * the visit. The purge blanks name, e-mail, phone, reference and the contact key, keeps the row
 * (procedure, slot, status) so counts and reports stay right, and audits who purged how many.
 */
export async function purgeContactData(
  db: Db,
  by: string,
  /** Overrides every tenant's own keeping period (its reservation settings). */
  afterDays?: number,
): Promise<{ tenantId: string; purged: number }[]> {
  // Candidates: anything past the shortest keeping period allowed; each tenant's own period decides.
  const earliest = new Date(now().getTime() - 86_400_000);
  const tenants = await queryRows<{ tenant_id: string }>(
    db,
    sql`select distinct tenant_id from reservations where purged_at is null and slot_end < ${earliest.toISOString()}::timestamptz`,
  );
  const results: { tenantId: string; purged: number }[] = [];
  for (const { tenant_id: tenantId } of tenants) {
    const days = afterDays ?? (await reservationSettingsOf(db, tenantId)).purgeAfterDays;
    const cutoff = new Date(now().getTime() - days * 86_400_000);
    const purged = await transaction(db, async (tx) => {
      const rows = await tx
        .update(reservations)
        .set({
          nameKana: null,
          email: null,
          phone: null,
          reference: null,
          contactKey: "purged",
          purgedAt: now(),
        })
        .where(
          and(
            sql`${reservations.tenantId} = ${tenantId}`,
            isNull(reservations.purgedAt),
            lt(reservations.slotEnd, cutoff),
          ),
        )
        .returning({ id: reservations.reservationId });
      if (rows.length === 0) return 0;
      const mails = await purgeSentMails(tx, tenantId, cutoff);
      await recordAudit(tx, auditContext(systemActor(tenantId, by)), {
        action: "reservation.purge",
        entity: "reservation",
        change: { count: rows.length, mails, cutoff: cutoff.toISOString() },
      });
      return rows.length;
    });
    if (purged > 0) results.push({ tenantId, purged });
  }
  return results;
}

const EVERY_SIX_HOURS = 6 * 3_600_000;

/** The server runs the purge at start and every six hours, so "daily" holds even across restarts. */
export function schedulePurge(db: Db, onError: (error: unknown) => void): () => void {
  const run = () => void purgeContactData(db, "server").catch(onError);
  run();
  const timer = setInterval(run, EVERY_SIX_HOURS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Day-before reminders are queued every hour, so each booking gets one whatever time the server started. */
export function scheduleReminders(
  db: Db,
  publicUrl: string,
  onError: (error: unknown) => void,
): () => void {
  const run = () => void queueReminders(db, "server", publicUrl).catch(onError);
  run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
