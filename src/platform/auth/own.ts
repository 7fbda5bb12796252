import { auditContext } from "../actor.ts";
import { recordAudit } from "../audit/store.ts";
import { forbidden } from "../errors.ts";
import { audit, type Ctx, requireAccess } from "../operation.ts";
import { findTenants } from "../tenancy/store.ts";
import { can, isDeviceRole, PERMISSIONS, type Permission } from "./permissions.ts";
import { deleteSession, type Session, updateSession } from "./sessions.ts";
import { hasTenantAccess, tenantsOfUser, type User } from "./users.ts";

/**
 * Operations on one's own session and account (sign-out, who am I, own password, second factor,
 * tenant switch). The user and session are the ones the guard found for this very request.
 */
/** One's own session and account: the user and session the guard found for this request. */
export interface Own {
  user: User;
  session: Session;
}

/** Events about one's own account go to the account's home tenant, wherever one acts now. */
export function ownAudit(ctx: Ctx, user: User, action: string) {
  return recordAudit(ctx.tx, auditContext(ctx.actor, user.tenantId), {
    action,
    entity: "user",
    entityId: user.userId,
  });
}

/** A contractor admin moves the session to another tenant they hold a grant for. */
export async function switchTenant(
  ctx: Ctx,
  { user, session, tenantId }: Own & { tenantId: string },
) {
  requireAccess(ctx, "session.self");
  if (!(await hasTenantAccess(ctx.tx, user, tenantId))) {
    throw forbidden(
      "この自治体のデータを扱う権限がありません。",
      "You have no access to this tenant.",
    );
  }
  await updateSession(ctx.tx, session, { activeTenantId: tenantId });
  await recordAudit(ctx.tx, auditContext(ctx.actor, tenantId), {
    action: "session.switch_tenant",
    entity: "session",
    entityId: session.sessionId,
  });
}

export async function signOut(ctx: Ctx, { session }: { session: Session }) {
  requireAccess(ctx, "session.self");
  await deleteSession(ctx.tx, session);
  await audit(ctx, { action: "auth.sign_out", entity: "session", entityId: session.sessionId });
}

/** Who is signed in, the tenants they may act in, and what their role may do. */
export async function whoAmI(ctx: Ctx, { user }: { user: User }) {
  requireAccess(ctx, "session.self");
  const tenants = await findTenants(ctx.tx, await tenantsOfUser(ctx.tx, user));
  return {
    tenants: tenants.map(({ tenantId, nameJa, nameEn }) => ({ tenantId, nameJa, nameEn })),
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(user.role, p)),
    device: isDeviceRole(user.role),
  };
}
