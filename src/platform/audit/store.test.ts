import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { buildTenant } from "../../../test/factories.ts";
import type { Database } from "../db/index.ts";
import { transaction } from "../db/index.ts";
import { canonicalForm } from "./chain.ts";
import { listAuditEvents, recordAudit, verifyAuditChain } from "./store.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function tenantWithEvents(count: number) {
  const tenant = await buildTenant(database);
  for (let i = 0; i < count; i++) {
    await transaction(database.db, (tx) =>
      recordAudit(
        tx,
        { tenantId: tenant.tenantId, actorId: "u1", actorRole: "staff", requestId: `r${i}` },
        { action: "thing.write", entity: "thing", entityId: String(i), change: { i } },
      ),
    );
  }
  return tenant.tenantId;
}

/** Tampering as a database owner would: with the append-only trigger switched off. */
async function tamper(statement: ReturnType<typeof sql>) {
  await transaction(database.db, async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

describe("audit chain", () => {
  it("verifies an intact chain and counts its events", async () => {
    const tenantId = await tenantWithEvents(5);
    const result = await verifyAuditChain(database.db, tenantId);
    expect(result).toMatchObject({ ok: true, count: 6, lastSeq: 6 });
    const events = await listAuditEvents(database.db, tenantId, { limit: 10 });
    expect(events[0]).toMatchObject({
      seq: 6,
      action: "thing.write",
      entityId: "4",
      requestId: "r4",
    });
    expect(events[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes in the database exactly as the verifier does, whatever the text", async () => {
    const tenant = await buildTenant(database);
    const awkward = [
      '"quoted" \\ back\\slash',
      "窓口　全角\n改行",
      "emoji 🎫 \u0001",
      "",
      "𠮷野家",
    ];
    for (const [i, text] of awkward.entries()) {
      await transaction(database.db, (tx) =>
        recordAudit(
          tx,
          {
            tenantId: tenant.tenantId,
            actorId: text,
            actorRole: "staff",
            clientIp: i ? text : undefined,
          },
          { action: `odd.${i}`, entity: text, entityId: text || undefined, change: { text } },
        ),
      );
    }
    expect(await verifyAuditChain(database.db, tenant.tenantId)).toMatchObject({
      ok: true,
      count: awkward.length + 1,
    });
  });

  it("frames the canonical form so that seq and the previous hash complete it", () => {
    fc.assert(
      fc.property(
        fc.record({
          tenantId: fc.string(),
          seq: fc.integer({ min: 1, max: 2 ** 40 }),
          at: fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4102444800000) }),
          actorId: fc.string(),
          actorRole: fc.string(),
          action: fc.string(),
          entity: fc.string(),
          entityId: fc.option(fc.string()),
          requestId: fc.option(fc.string()),
          clientIp: fc.option(fc.string()),
          digest: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/)),
          prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
        }),
        (fields) => {
          // The canonical form is exactly this JSON array; the database completes the same frame.
          const json = JSON.stringify([
            fields.tenantId,
            fields.seq,
            fields.at.toISOString(),
            fields.actorId,
            fields.actorRole,
            fields.action,
            fields.entity,
            fields.entityId,
            fields.requestId,
            fields.clientIp,
            fields.digest,
            fields.prevHash,
          ]);
          expect(canonicalForm(fields)).toBe(json);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses UPDATE and DELETE through the trigger", async () => {
    const tenantId = await tenantWithEvents(1);
    await expect(
      database.db.execute(sql`update audit_events set action = 'x' where tenant_id = ${tenantId}`),
    ).rejects.toThrow();
    await expect(
      database.db.execute(sql`delete from audit_events where tenant_id = ${tenantId}`),
    ).rejects.toThrow();
  });

  it("detects an altered row and names it", async () => {
    const tenantId = await tenantWithEvents(5);
    await tamper(
      sql`update audit_events set entity_id = 'forged' where tenant_id = ${tenantId} and seq = 3`,
    );
    expect(await verifyAuditChain(database.db, tenantId)).toMatchObject({
      ok: false,
      brokenAtSeq: 3,
      reason: "hash_mismatch",
    });
  });

  it("detects a deleted row in the middle and at the end", async () => {
    const middle = await tenantWithEvents(5);
    await tamper(sql`delete from audit_events where tenant_id = ${middle} and seq = 4`);
    expect(await verifyAuditChain(database.db, middle)).toMatchObject({
      ok: false,
      brokenAtSeq: 5,
      reason: "sequence_gap",
    });

    const tail = await tenantWithEvents(5);
    await tamper(sql`delete from audit_events where tenant_id = ${tail} and seq = 6`);
    expect(await verifyAuditChain(database.db, tail)).toMatchObject({
      ok: false,
      brokenAtSeq: 6,
      reason: "head_mismatch",
    });
  });

  it("detects rows inserted out of band", async () => {
    const tenantId = await tenantWithEvents(3);
    await tamper(sql`insert into audit_events (tenant_id, seq, at, actor_id, actor_role, action, entity, prev_hash, hash)
      select tenant_id, seq + 1, at, 'intruder', 'admin', 'user.create', 'user', hash, repeat('a', 64)
      from audit_events where tenant_id = ${tenantId} and seq = 4`);
    expect(await verifyAuditChain(database.db, tenantId)).toMatchObject({
      ok: false,
      brokenAtSeq: 5,
      reason: "hash_mismatch",
    });

    // Renumbering to slip a row into the middle breaks the chain where it was slipped in.
    const other = await tenantWithEvents(3);
    await tamper(
      sql`update audit_events set seq = seq + 100 where tenant_id = ${other} and seq >= 3`,
    );
    await tamper(
      sql`update audit_events set seq = seq - 99 where tenant_id = ${other} and seq >= 103`,
    );
    await tamper(sql`insert into audit_events (tenant_id, seq, at, actor_id, actor_role, action, entity, prev_hash, hash)
      select tenant_id, 3, at, 'intruder', 'admin', 'user.create', 'user', hash, repeat('b', 64)
      from audit_events where tenant_id = ${other} and seq = 2`);
    expect(await verifyAuditChain(database.db, other)).toMatchObject({
      ok: false,
      brokenAtSeq: 3,
      reason: "hash_mismatch",
    });
  });

  it("keeps one gapless chain under concurrent appends", async () => {
    const tenant = await buildTenant(database);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        transaction(database.db, (tx) =>
          recordAudit(
            tx,
            { tenantId: tenant.tenantId, actorId: "u", actorRole: "staff" },
            { action: "x", entity: "x", entityId: String(i) },
          ),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db, tenant.tenantId)).toMatchObject({
      ok: true,
      count: 41,
    });
  });
});
