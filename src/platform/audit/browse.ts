import { audit, type Ctx, requireAccess } from "../operation.ts";
import { type AuditQuery, listAuditEvents, verifyAuditChain } from "./store.ts";

/** The tenant's events for the city and the administrator; reading who did what is itself audited. */
export async function browseAudit(ctx: Ctx, query: AuditQuery) {
  requireAccess(ctx, "audit.read");
  const rows = await listAuditEvents(ctx.tx, ctx.tenantId, query);
  await audit(ctx, { action: "audit.read", entity: "audit_event", change: query });
  return rows;
}

/** Recomputes the tenant's chain: intact, or the first broken event. */
export async function verifyTenantChain(ctx: Ctx) {
  requireAccess(ctx, "audit.read");
  return verifyAuditChain(ctx.tx, ctx.tenantId);
}
