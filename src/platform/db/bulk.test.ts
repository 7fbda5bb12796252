import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { serviceRecords, tickets } from "../../queue/schema.ts";
import type { ServiceRecord, Ticket } from "../../queue/store.ts";
import { auditContext } from "../actor.ts";
import { auditEvents } from "../audit/schema.ts";
import { appendAuditEvents, pendingAudit, recordAudit, verifyAuditChain } from "../audit/store.ts";
import { bulkInsert, bulkUpdate } from "./bulk.ts";
import { type Database, transaction } from "./index.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const ticket = (tenantId: string, i: number): Ticket => ({
  tenantId,
  ticketId: randomUUID(),
  serviceDay: "2026-03-02",
  groupCode: "A",
  number: i,
  displayNumber: `A${String(i).padStart(3, "0")}`,
  procedureCodes: i % 2 ? ["handover", "pin_reset"] : ["ecert"],
  priority: i % 3 === 0,
  priorityReason: i % 3 === 0 ? "elderly" : null,
  status: "done",
  reservedFor: i % 5 === 0 ? new Date("2026-03-02T00:30:00.000Z") : null,
  targetCounterId: null,
  counterId: "2",
  sessionId: randomUUID(),
  staffUserId: "u1",
  recallCount: 0,
  issuedAt: new Date(Date.UTC(2026, 2, 2, 0, 0, i, 123)),
  calledAt: new Date(Date.UTC(2026, 2, 2, 0, 5, i, 7)),
  lastCalledAt: new Date(Date.UTC(2026, 2, 2, 0, 5, i, 7)),
  startedAt: new Date(Date.UTC(2026, 2, 2, 0, 6, i)),
  finishedAt: new Date(Date.UTC(2026, 2, 2, 0, 20, i)),
  statusToken: randomUUID(),
  issuedBy: "kiosk",
  overrideReason: null,
  note: i % 4 ? null : '「引用」と \\ と " と 改行\nも',
  estimateMedian: i / 3,
  estimateP90: 1e-9 * i,
  estimateNaive: null,
  estimateRaw: 12.345678901234567,
});

describe("bulk writes", () => {
  it("store every kind of column exactly as a row-by-row insert does", async () => {
    const byRow = Array.from({ length: 30 }, (_, i) => ticket("bulk-a", i));
    const inBulk = byRow.map((t) => ({ ...t, tenantId: "bulk-b", statusToken: randomUUID() }));
    await transaction(database.db, async (tx) => {
      await tx.insert(tickets).values(byRow);
      await bulkInsert(tx, tickets, inBulk);
    });
    const read = (tenantId: string) =>
      database.db
        .select()
        .from(tickets)
        .where(eq(tickets.tenantId, tenantId))
        .orderBy(asc(tickets.number));
    const strip = (rows: Ticket[]) => rows.map(({ tenantId: _t, statusToken: _s, ...r }) => r);
    expect(strip(await read("bulk-b"))).toEqual(strip(await read("bulk-a")));
    expect(strip(await read("bulk-b"))).toEqual(strip(byRow));
  });

  it("keeps JSON columns and updates rows found by their key", async () => {
    const record: ServiceRecord = {
      tenantId: "bulk-c",
      recordId: randomUUID(),
      serviceDay: "2026-03-02",
      procedureCode: "insurance_fund",
      channel: "counter",
      outcome: "completed",
      outcomeReason: null,
      category: null,
      checklist: { identity: "done", insurance: "skipped" },
      staffUserId: "u1",
      counterId: "1",
      terminalId: null,
      ticketId: randomUUID(),
      issuedAt: new Date("2026-03-02T00:00:00.000Z"),
      calledAt: null,
      startedAt: new Date("2026-03-02T00:10:00.000Z"),
      finishedAt: new Date("2026-03-02T00:20:00.000Z"),
      paperTicket: null,
    };
    await transaction(database.db, async (tx) => {
      await bulkInsert(tx, serviceRecords, [record]);
      await bulkUpdate(
        tx,
        serviceRecords,
        ["tenantId", "recordId"],
        [{ tenantId: "bulk-c", recordId: record.recordId, outcome: "not_completed" }],
      );
    });
    const [row] = await database.db
      .select()
      .from(serviceRecords)
      .where(
        and(eq(serviceRecords.tenantId, "bulk-c"), eq(serviceRecords.recordId, record.recordId)),
      );
    expect(row).toEqual({ ...record, outcome: "not_completed" });
  });

  it("chains appended audit events after the transaction's pending ones, in order, and verify agrees", async () => {
    const tenantId = "bulk-audit";
    const ctx = auditContext({ tenantId, userId: "u1", role: "staff" });
    await transaction(database.db, (tx) =>
      recordAudit(tx, ctx, { action: "first.write", entity: "thing", change: { n: 1 } }),
    );
    await transaction(database.db, async (tx) => {
      await recordAudit(tx, ctx, { action: "second.write", entity: "thing" });
      await appendAuditEvents(
        tx,
        tenantId,
        Array.from({ length: 5000 }, (_, i) =>
          pendingAudit(ctx, {
            action: "bulk.write",
            entity: "thing",
            entityId: String(i),
            change: { i },
          }),
        ),
      );
      await recordAudit(tx, ctx, { action: "last.write", entity: "thing" });
    });
    const rows = await database.db
      .select({ seq: auditEvents.seq, action: auditEvents.action, id: auditEvents.entityId })
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, tenantId))
      .orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.slice(0, 3).map((r) => r.action)).toEqual([
      "first.write",
      "second.write",
      "bulk.write",
    ]);
    expect(rows[2]!.id).toBe("0");
    expect(rows.at(-2)!.id).toBe("4999");
    expect(rows.at(-1)!.action).toBe("last.write");
    expect(await verifyAuditChain(database.db, tenantId)).toMatchObject({ ok: true, count: 5003 });
  });
});
