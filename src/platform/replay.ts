import { type Actor, auditContext } from "./actor.ts";
import {
  type AuditEntry,
  appendAuditEvents,
  type PendingAudit,
  pendingAudit,
} from "./audit/store.ts";
import type { Permission } from "./auth/permissions.ts";
import { type Ctx, type Resource, requireAccess } from "./operation.ts";

/**
 * A replay of past days kept in memory and written in bulk (the demo's service history): each
 * domain's replay applies its operations' own rules to rows it keeps, and they share this log,
 * which checks every step's access with the one permission table, as the operation's first line
 * does, and keeps the audit events the operations would have written, in the order they would
 * have written them, for the writing transaction to append to the tenant's chain.
 */
export class ReplayLog {
  private readonly events: PendingAudit[] = [];

  constructor(readonly tenantId: string) {}

  /** As `requireAccess` at the top of the operation this step replays. */
  requireAccess(actor: Actor, permission: Permission, resource?: Resource): void {
    requireAccess(this.acting(actor), permission, resource);
  }

  /** What `requireAccess` reads of an operation's context. */
  acting(actor: Actor): Pick<Ctx, "actor" | "tenantId"> {
    if (actor.tenantId !== this.tenantId) throw new Error("a replay acts in one tenant");
    return { actor, tenantId: this.tenantId };
  }

  /** The step's audit event, stamped now (the replay's clock), as `audit(ctx, entry)` stamps it. */
  audit(actor: Actor, entry: AuditEntry): void {
    this.events.push(pendingAudit(auditContext(actor), entry));
  }

  get pending(): number {
    return this.events.length;
  }

  /** The events kept so far, in order, for `appendAuditEvents`; the log starts afresh. */
  take(): PendingAudit[] {
    return this.events.splice(0);
  }
}
