import { bigint, bigserial, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** What an event says, the same in the chain and while it waits for its commit. */
const eventColumns = () => ({
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  actorId: text("actor_id").notNull(),
  actorRole: text("actor_role").notNull(),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  requestId: text("request_id"),
  clientIp: text("client_ip"),
  /** SHA-256 of the canonical change; never the personal data itself. */
  digest: text("digest"),
});

/**
 * The audit trail (監査ログ). Append-only: a trigger refuses UPDATE and DELETE, and each event
 * carries the SHA-256 of its canonical form chained to the previous one, so a change made behind
 * the trigger's back is still found by `madoguchi audit verify`.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    tenantId: text("tenant_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    ...eventColumns(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seq] })],
);

/** The newest event of each tenant's chain; locking it serialises appends per tenant. */
export const auditHeads = pgTable("audit_heads", {
  tenantId: text("tenant_id").primaryKey(),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
  lastHash: text("last_hash").notNull(),
});

/**
 * Events written by a transaction, waiting for its commit. A deferred trigger
 * (`audit_pending_seal`, migration 0006) chains each one into `audit_events` as the transaction
 * commits, so the head row every write of a tenant waits for is locked only during the commit
 * itself, not across round trips to the application. Always empty outside a transaction.
 */
export const auditPending = pgTable(
  "audit_pending",
  {
    tenantId: text("tenant_id").notNull(),
    pendingId: bigserial("pending_id", { mode: "number" }).notNull(),
    ...eventColumns(),
    /** The canonical form before and after its seq (see `canonicalFrame`). */
    frameBeforeSeq: text("frame_before_seq").notNull(),
    frameAfterSeq: text("frame_after_seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.pendingId] })],
);
