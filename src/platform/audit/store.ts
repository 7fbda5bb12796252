import { and, asc, desc, eq, gt, gte, like, lt, sql } from "drizzle-orm";
import { now } from "../clock.ts";
import { bulkInsert } from "../db/bulk.ts";
import { type Executor, queryRows, type Tx } from "../db/index.ts";
import {
  ChainVerifier,
  canonicalFrame,
  changeDigest,
  eventHash,
  GENESIS_HASH,
  type VerifyResult,
} from "./chain.ts";
import { auditEvents, auditHeads, auditPending } from "./schema.ts";

/** Who did it, where from: carried from the request (or the CLI) to every audit event. */
export interface AuditContext {
  tenantId: string;
  actorId: string;
  actorRole: string;
  requestId?: string | undefined;
  clientIp?: string | undefined;
}

export interface AuditEntry {
  /** Verb in dotted form, e.g. `user.create`, `user.read_personal`. */
  action: string;
  entity: string;
  entityId?: string | undefined;
  /** The change (or the query of a read); only its digest is kept. */
  change?: unknown;
}

/**
 * Appends one event to the tenant's chain inside the caller's transaction, so the write and its
 * trace commit or vanish together. The event waits in `audit_pending` and is chained by the
 * database as the transaction commits (migration 0006): appends within a tenant are ordered by
 * the head row, which is then locked only for the commit itself.
 */
export async function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditPending).values(pendingAudit(ctx, entry));
}

/** The pending row of one event (chained at commit by the database): see `recordAudit`. */
export function pendingAudit(ctx: AuditContext, entry: AuditEntry) {
  const fields = {
    tenantId: ctx.tenantId,
    at: now(),
    actorId: ctx.actorId,
    actorRole: ctx.actorRole,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    requestId: ctx.requestId ?? null,
    clientIp: ctx.clientIp ?? null,
    digest: changeDigest(entry.change),
  };
  const { beforeSeq, afterSeq } = canonicalFrame(fields);
  return { ...fields, frameBeforeSeq: beforeSeq, frameAfterSeq: afterSeq };
}
export type PendingAudit = ReturnType<typeof pendingAudit>;

/**
 * Appends events that already stand in their order (a replay of past days, written in bulk) to
 * the tenant's chain, in this transaction: the head is locked, each event chained to the one
 * before with the same hash the database's seal computes and `audit verify` recomputes, all
 * inserted at once, the head moved once. Whatever this transaction has pending is sealed first,
 * so the chain keeps the order in which things were written.
 */
export async function appendAuditEvents(
  tx: Tx,
  tenantId: string,
  events: readonly PendingAudit[],
): Promise<void> {
  if (events.length === 0) return;
  await sealPendingNow(tx);
  await tx
    .insert(auditHeads)
    .values({ tenantId, lastSeq: 0, lastHash: GENESIS_HASH })
    .onConflictDoNothing();
  const [head] = await tx
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.tenantId, tenantId))
    .for("update");
  let seq = head!.lastSeq;
  let prevHash = head!.lastHash;
  const rows = events.map((e) => {
    if (e.tenantId !== tenantId) throw new Error("an audit event of another tenant");
    const { frameBeforeSeq: _b, frameAfterSeq: _a, ...fields } = e;
    const chained = { ...fields, seq: ++seq, prevHash };
    prevHash = eventHash(chained);
    return { ...chained, hash: prevHash };
  });
  await bulkInsert(tx, auditEvents, rows);
  await tx
    .update(auditHeads)
    .set({ lastSeq: seq, lastHash: prevHash })
    .where(eq(auditHeads.tenantId, tenantId));
}

/** Chains this transaction's pending events now rather than at its commit (they keep their order). */
export async function sealPendingNow(tx: Tx): Promise<void> {
  await tx.execute(sql`set constraints audit_pending_seal immediate`);
  await tx.execute(sql`set constraints audit_pending_seal deferred`);
}

const VERIFY_BATCH = 2000;

export async function verifyAuditChain(db: Executor, tenantId: string): Promise<VerifyResult> {
  const verifier = new ChainVerifier(tenantId);
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), gt(auditEvents.seq, after)))
      .orderBy(asc(auditEvents.seq))
      .limit(VERIFY_BATCH);
    for (const row of rows) verifier.push(row);
    if (rows.length < VERIFY_BATCH) break;
    after = rows[rows.length - 1]!.seq;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.tenantId, tenantId));
  return verifier.finish(head);
}

/** Tenants that have audit events or a head: what `audit verify` walks without --tenant. */
export async function auditedTenants(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ tenant_id: string }>(
    db,
    sql`select tenant_id from audit_heads union select tenant_id from audit_events order by 1`,
  );
  return rows.map((r) => r.tenant_id);
}

export interface AuditQuery {
  beforeSeq?: number | undefined;
  limit: number;
  /** An action code, or a category (the part before the first dot, e.g. `ticket`). */
  action?: string | undefined;
  actorId?: string | undefined;
  /** Instants bounding the period (from inclusive, until exclusive). */
  from?: Date | undefined;
  until?: Date | undefined;
}

export async function listAuditEvents(db: Executor, tenantId: string, q: AuditQuery) {
  const conditions = [eq(auditEvents.tenantId, tenantId)];
  if (q.beforeSeq !== undefined) conditions.push(lt(auditEvents.seq, q.beforeSeq));
  if (q.action?.includes(".")) conditions.push(eq(auditEvents.action, q.action));
  else if (q.action) conditions.push(like(auditEvents.action, `${q.action}.%`));
  if (q.from) conditions.push(gte(auditEvents.at, q.from));
  if (q.until) conditions.push(lt(auditEvents.at, q.until));
  if (q.actorId) conditions.push(eq(auditEvents.actorId, q.actorId));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit);
}
