import { and, eq, gte, lte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildTestApp, type TestApp } from "../../test/factories.ts";
import { cardSummary } from "../cards/cards.ts";
import { systemActor } from "../platform/actor.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { now } from "../platform/clock.ts";
import { transaction } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import { counterSessions, tickets } from "../queue/schema.ts";
import { serviceRecordsBetween } from "../queue/ticketStore.ts";
import { rosterPeople, rosterShifts } from "../roster/schema.ts";
import { makeHistory } from "./history.ts";
import { seedDemoRoster } from "./roster.ts";

let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  await transaction(t.database.db, (tx) => seedDemoRoster(tx, tenantId, new Map()));
});
afterAll(async () => {
  await t.close();
});

describe("the demo's service history", () => {
  it("has visits issued, served and finished, calls logged, bookings and cards, all audited, a line a month", async () => {
    const lines: string[] = [];
    const result = await makeHistory(t.database, tenantId, {
      from: "2026-03-02",
      to: "2026-03-03",
      seed: 7,
      onProgress: (line) => lines.push(line),
    });
    expect(result.days).toBe(2);
    // About the reference month's daily share (2,647 a month) with March's rush.
    expect(result.tickets).toBeGreaterThan(150);
    expect(result.tickets).toBeLessThan(450);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^service history: 2026-03 \(2 days, \d+ visits, \d+ calls, \d+ rows\) in [\d.]+ s$/,
    );
    const records = await serviceRecordsBetween(
      t.database.db,
      tenantId,
      "2026-03-02",
      "2026-03-03",
    );
    const counter = records.filter((r) => r.channel === "counter");
    expect(counter.length).toBeGreaterThanOrEqual(result.tickets);
    expect(records.filter((r) => r.channel === "phone")).toHaveLength(result.calls);
    // Waits are real: issued before called, called before started.
    for (const r of counter) {
      expect(r.issuedAt!.getTime()).toBeLessThanOrEqual(r.calledAt!.getTime());
      expect(r.calledAt!.getTime()).toBeLessThanOrEqual(r.startedAt.getTime());
    }
    const issued = await listAuditEvents(t.database.db, tenantId, {
      limit: 5,
      action: "ticket.issue",
    });
    expect(issued.length).toBeGreaterThan(0);
    // A share of the card handovers came booked: booked by the reservation operation, then
    // checked in at the kiosk by the code (their ticket waits for its time) or marked 不来所.
    expect(result.reservations).toBeGreaterThan(5);
    const booked = await listAuditEvents(t.database.db, tenantId, {
      limit: 500,
      action: "reservation.book",
    });
    const checkedIn = await listAuditEvents(t.database.db, tenantId, {
      limit: 500,
      action: "reservation.check_in",
    });
    const noShows = await listAuditEvents(t.database.db, tenantId, {
      limit: 500,
      action: "reservation.no_show",
    });
    expect(booked).toHaveLength(result.reservations);
    expect(checkedIn.length + noShows.length).toBe(result.reservations);
    expect(checkedIn.length).toBeGreaterThan(noShows.length);
    // Staffed as a contractor staffs a month: planned, published to the roster, served by its
    // shifts: every counter opened by someone on a counter shift then, everyone waiting served.
    expect(result.plans).toBe(1);
    const db = t.database.db;
    const shifts = await db
      .select()
      .from(rosterShifts)
      .where(
        and(
          eq(rosterShifts.tenantId, tenantId),
          gte(rosterShifts.day, "2026-03-02"),
          lte(rosterShifts.day, "2026-03-03"),
        ),
      );
    expect(shifts.filter((s) => s.work === "counter").length).toBeGreaterThan(4);
    const people = new Map(
      (await db.select().from(rosterPeople).where(eq(rosterPeople.tenantId, tenantId))).map((p) => [
        p.userId,
        p.personId,
      ]),
    );
    const sessions = await db
      .select()
      .from(counterSessions)
      .where(eq(counterSessions.tenantId, tenantId));
    expect(sessions.length).toBeGreaterThan(4);
    const hhmmOf = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(11, 16);
    for (const session of sessions) {
      const day = new Date(session.openedAt.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
      const opened = hhmmOf(session.openedAt);
      const onShift = shifts.find(
        (s) =>
          s.personId === people.get(session.userId) &&
          s.day === day &&
          s.work === "counter" &&
          s.startTime <= opened &&
          opened < s.endTime,
      );
      expect(onShift, `${session.counterId} ${day} ${opened}`).toBeDefined();
    }
    const left = await db
      .select()
      .from(tickets)
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.status, "waiting")));
    expect(left).toHaveLength(0);
    // The card stock, through its own operations: each day's delivery received and set up, and a
    // card handed over at every completed handover (one finding none ready is カード未着).
    const summary = await runOperation(db, systemActor(tenantId, "test"), cardSummary);
    const handedOver = counter.filter(
      (r) => r.procedureCode === "handover" && r.outcome === "completed",
    ).length;
    expect(summary.handed_over).toBe(handedOver);
    expect(summary.received).toBe(0);
    // The history ran on its own clock: the process's time was never moved.
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(5_000);
  }, 120_000);

  it("goes on where it stopped: days already served are left as they were", async () => {
    const again = await makeHistory(t.database, tenantId, {
      from: "2026-03-02",
      to: "2026-03-04",
      seed: 7,
    });
    expect(again.skipped).toBe(2);
    expect(again.days).toBe(1);
    const stopped = new AbortController();
    stopped.abort();
    const none = await makeHistory(t.database, tenantId, {
      from: "2026-03-05",
      to: "2026-03-06",
      signal: stopped.signal,
    });
    expect(none.days).toBe(0);
  }, 120_000);
});
