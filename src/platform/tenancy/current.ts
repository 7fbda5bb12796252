import { notFound } from "../errors.ts";
import { type Ctx, requireAccess } from "../operation.ts";
import { findTenant, type Tenant } from "./store.ts";

/** The tenant acted in: contract term, service start, reference figures. */
export async function currentTenant(ctx: Ctx): Promise<Tenant> {
  requireAccess(ctx, "tenant.read");
  const tenant = await findTenant(ctx.tx, ctx.tenantId);
  if (!tenant) throw notFound("自治体", "Tenant");
  return tenant;
}
