import type { AuditContext } from "./audit/store.ts";

/** The one acting: a signed-in user in the tenant it acts in, or the CLI / the server itself. */
export interface Actor {
  /** The tenant acted in (a contractor_admin may act in several). */
  tenantId: string;
  userId: string;
  role: string;
  /** Shown on work records the actor signs (requests, decisions). */
  displayName?: string | undefined;
  requestId?: string | undefined;
  clientIp?: string | undefined;
}

export function auditContext(actor: Actor, tenantId = actor.tenantId): AuditContext {
  return {
    tenantId,
    actorId: actor.userId,
    actorRole: actor.role,
    requestId: actor.requestId,
    clientIp: actor.clientIp,
  };
}

/** The server or the CLI acting on its own (seeding, purges, `madoguchi user …`). */
export function systemActor(tenantId: string, who = "system"): Actor {
  return { tenantId, userId: who, role: "system" };
}
