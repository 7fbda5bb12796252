import { type Actor, auditContext } from "./actor.ts";
import {
  type AuditEntry,
  appendAuditEvents,
  type PendingAudit,
  pendingAudit,
} from "./audit/store.ts";
import type { Permission } from "./auth/permissions.ts";
import type { Tx } from "./db/index.ts";
import { type Ctx, type Resource, requireAccess } from "./operation.ts";

/**
 * A replay of past days kept in memory and written in bulk (the demo's service history): each
 * domain's replay applies its operations' own rules to rows it keeps, and they share this log,
 * which checks every step's access with the one permission table, as the operation's first line
 * does, and keeps the audit events the operations would have written, in the order they would
 * have written them. `write` appends them to the tenant's chain in the writing transaction.
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

  /**
   * Chains the events kept so far into the tenant's audit trail, in this transaction, and starts
   * afresh: a replay writes each of its parts once (a failed write ends the replay; a new one
   * starts from what the database holds).
   */
  async write(tx: Tx): Promise<number> {
    const events = this.events.splice(0);
    await appendAuditEvents(tx, this.tenantId, events);
    return events.length;
  }
}
