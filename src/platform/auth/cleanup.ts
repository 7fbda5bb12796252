import { now } from "../clock.ts";
import { audit, type Ctx, requireAccess } from "../operation.ts";
import { deleteExpiredSessions } from "./sessions.ts";
import { forgetOldDevices, purgeThrottles } from "./throttleStore.ts";

/** A failure count outlives its longest window and delay by a day, then holds nothing. */
const THROTTLE_KEEP_MS = 24 * 3_600_000;
/** A browser not used for 90 days is a stranger again (the cookie lives as long). */
const DEVICE_KEEP_MS = 90 * 86_400_000;

/**
 * Expired sessions are refused at once but would otherwise stay in the table for ever, each with
 * the address it came from; so would spent failure counts (with addresses) and forgotten
 * browsers. The jobs module removes them every hour, tenant by tenant.
 */
export async function cleanExpiredSessions(ctx: Ctx): Promise<number> {
  requireAccess(ctx, "jobs.run");
  const at = now().getTime();
  const count = await deleteExpiredSessions(ctx.tx, ctx.tenantId);
  const throttles = await purgeThrottles(ctx.tx, ctx.tenantId, new Date(at - THROTTLE_KEEP_MS));
  const devices = await forgetOldDevices(ctx.tx, ctx.tenantId, new Date(at - DEVICE_KEEP_MS));
  if (count + throttles + devices > 0) {
    await audit(ctx, {
      action: "session.cleanup",
      entity: "session",
      change: { count, throttles, devices },
    });
  }
  return count;
}
