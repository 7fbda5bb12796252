import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import { now } from "../clock.ts";
import { type Executor, queryRows, type Tx } from "../db/index.ts";
import {
  ChainVerifier,
  changeDigest,
  eventHash,
  GENESIS_HASH,
  type VerifyResult,
} from "./chain.ts";
import { auditEvents, auditHeads } from "./schema.ts";

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
 * trace commit or vanish together. Locking the head row orders appends within a tenant.
 */
export async function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  // One round trip takes the next number and the previous hash, and locks the head until commit.
  const advance = () =>
    tx
      .update(auditHeads)
      .set({ lastSeq: sql`${auditHeads.lastSeq} + 1` })
      .where(eq(auditHeads.tenantId, ctx.tenantId))
      .returning({ seq: auditHeads.lastSeq, prevHash: auditHeads.lastHash });
  let [head] = await advance();
  if (!head) {
    await tx
      .insert(auditHeads)
      .values({ tenantId: ctx.tenantId, lastSeq: 0, lastHash: GENESIS_HASH })
      .onConflictDoNothing();
    [head] = await advance();
  }
  const fields = {
    tenantId: ctx.tenantId,
    seq: head!.seq,
    at: now(),
    actorId: ctx.actorId,
    actorRole: ctx.actorRole,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    requestId: ctx.requestId ?? null,
    clientIp: ctx.clientIp ?? null,
    digest: changeDigest(entry.change),
    prevHash: head!.prevHash,
  };
  const hash = eventHash(fields);
  // The second: the event and the head's new hash together.
  const inserted = tx.$with("inserted").as(
    tx
      .insert(auditEvents)
      .values({ ...fields, hash })
      .returning({ seq: auditEvents.seq }),
  );
  await tx
    .with(inserted)
    .update(auditHeads)
    .set({ lastHash: hash })
    .where(and(eq(auditHeads.tenantId, ctx.tenantId), sql`exists (select 1 from ${inserted})`));
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
  action?: string | undefined;
  actorId?: string | undefined;
}

export async function listAuditEvents(db: Executor, tenantId: string, q: AuditQuery) {
  const conditions = [eq(auditEvents.tenantId, tenantId)];
  if (q.beforeSeq !== undefined) conditions.push(lt(auditEvents.seq, q.beforeSeq));
  if (q.action) conditions.push(eq(auditEvents.action, q.action));
  if (q.actorId) conditions.push(eq(auditEvents.actorId, q.actorId));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit);
}
