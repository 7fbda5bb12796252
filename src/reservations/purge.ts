import { and, eq, isNull, lt } from "drizzle-orm";
import { now } from "../platform/clock.ts";
import { purgeSentMails } from "../platform/mail/outbox.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { reservations } from "./schema.ts";
import { reservationSettingsOf } from "./settings.ts";

/**
 * Data minimisation (§11, §12): contact data of reservations is kept only until some days after
 * the visit. The purge blanks name, e-mail, phone, reference and the contact key of one tenant's
 * reservations, keeps the row (procedure, slot, status) so counts and reports stay right, blanks
 * the sent mails about them, and audits who purged how many.
 */
export async function purgeContactData(
  ctx: Ctx,
  /** Overrides the tenant's own keeping period (its reservation settings). */
  props: { afterDays?: number | undefined } = {},
): Promise<number> {
  requireAccess(ctx, "jobs.run");
  const days =
    props.afterDays ?? (await reservationSettingsOf(ctx.tx, ctx.tenantId)).purgeAfterDays;
  const cutoff = new Date(now().getTime() - days * 86_400_000);
  const rows = await ctx.tx
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
        eq(reservations.tenantId, ctx.tenantId),
        isNull(reservations.purgedAt),
        lt(reservations.slotEnd, cutoff),
      ),
    )
    .returning({ id: reservations.reservationId });
  if (rows.length === 0) return 0;
  const mails = await purgeSentMails(ctx.tx, ctx.tenantId, cutoff);
  await audit(ctx, {
    action: "reservation.purge",
    entity: "reservation",
    change: { count: rows.length, mails, cutoff: cutoff.toISOString() },
  });
  return rows.length;
}
