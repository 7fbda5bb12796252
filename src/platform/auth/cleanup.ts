import { audit, type Ctx, requireAccess } from "../operation.ts";
import { deleteExpiredSessions } from "./sessions.ts";

/**
 * Expired sessions are refused at once but would otherwise stay in the table for ever, each with
 * the address it came from: the jobs module removes them every hour, tenant by tenant.
 */
export async function cleanExpiredSessions(ctx: Ctx): Promise<number> {
  requireAccess(ctx, "jobs.run");
  const count = await deleteExpiredSessions(ctx.tx, ctx.tenantId);
  if (count > 0)
    await audit(ctx, { action: "session.cleanup", entity: "session", change: { count } });
  return count;
}
