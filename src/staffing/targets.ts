import { now } from "../platform/clock.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import type { TenantTargets } from "./contract.ts";
import { DEFAULT_TARGETS } from "./requirement.ts";
import { findSettings, saveSettings } from "./store.ts";

const DEFAULTS: TenantTargets = {
  counterServiceLevel: DEFAULT_TARGETS.counterServiceLevel,
  counterWaitMinutes: DEFAULT_TARGETS.counterWaitMinutes,
  phoneServiceLevel: DEFAULT_TARGETS.phoneServiceLevel,
  phoneWaitSeconds: DEFAULT_TARGETS.phoneWaitSeconds,
  shrinkage: DEFAULT_TARGETS.shrinkage,
};

/** The targets the tenant's plans aim at: as the manager set them, else the defaults. */
export async function staffingTargetsOf(
  ctx: Ctx,
): Promise<TenantTargets & { updatedAt: string | null }> {
  requireAccess(ctx, "staffing.plan");
  const row = await findSettings(ctx.tx, ctx.tenantId);
  return row
    ? { ...DEFAULTS, ...row.targets, updatedAt: row.updatedAt.toISOString() }
    : { ...DEFAULTS, updatedAt: null };
}

/**
 * The counter's service-level target alone (share called within so many minutes): what reports
 * and dashboards measure against, for everyone who reads them (the city included).
 */
export async function counterTarget(ctx: Ctx): Promise<{ share: number; minutes: number }> {
  requireAccess(ctx, "service.read");
  const row = await findSettings(ctx.tx, ctx.tenantId);
  const targets = { ...DEFAULTS, ...row?.targets };
  return { share: targets.counterServiceLevel, minutes: targets.counterWaitMinutes };
}

/** The manager sets the targets; plans made afterwards aim at them, those made before keep theirs. */
export async function updateStaffingTargets(
  ctx: Ctx,
  targets: TenantTargets,
): Promise<TenantTargets & { updatedAt: string | null }> {
  requireAccess(ctx, "staffing.configure");
  const updatedAt = now();
  await saveSettings(ctx.tx, {
    tenantId: ctx.tenantId,
    targets,
    updatedBy: ctx.actor.userId,
    updatedAt,
  });
  await audit(ctx, {
    action: "staffing.targets_update",
    entity: "staffing_settings",
    entityId: ctx.tenantId,
    change: targets,
  });
  return { ...targets, updatedAt: updatedAt.toISOString() };
}
