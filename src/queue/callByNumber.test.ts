import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  type TestApp,
} from "../../test/factories.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { startClockAt } from "../platform/clock.ts";

/** 番号指定呼出 and 保留からの再開: nobody put on hold is stranded (issue 12). */
let t: TestApp;
let tenantId: string;
let first: Client;
let second: Client;
let kiosk: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  first = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "staff")).username,
  );
  second = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "staff")).username,
  );
  kiosk = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "kiosk")).username,
  );
  await first.request("POST", "/api/v1/queue/counters/1/open", {});
  await second.request("POST", "/api/v1/queue/counters/2/open", {});
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

const issue = async () =>
  (
    await kiosk.request("POST", "/api/v1/queue/tickets", {
      procedures: ["handover"],
      priority: false,
    })
  ).json();

describe("calling a ticket by its number", () => {
  it("calls a later ticket out of turn, and a second counter cannot have it too", async () => {
    const a = await issue();
    const b = await issue();
    const called = await first.request("POST", "/api/v1/queue/counters/1/call", { ticketId: b.id });
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ id: b.id, status: "called", counterId: "1" });
    const again = await second.request("POST", "/api/v1/queue/counters/2/call", { ticketId: b.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("invalid_transition");
    // The one skipped is still next in line for the other counter.
    expect((await second.request("POST", "/api/v1/queue/counters/2/call-next")).json().id).toBe(
      a.id,
    );
    const events = await listAuditEvents(t.database.db, tenantId, {
      limit: 20,
      action: "ticket.call",
    });
    expect(events.some((e) => e.entityId === b.id)).toBe(true);
    for (const [client, id] of [
      [first, b.id],
      [second, a.id],
    ] as const) {
      await client.request("POST", `/api/v1/queue/tickets/${id}/start`);
      await client.request("POST", `/api/v1/queue/tickets/${id}/finish`, { outcome: "completed" });
    }
    // Each clerk's own day: one person, one procedure completed.
    expect((await first.request("GET", "/api/v1/queue/my-day")).json()).toEqual({
      people: 1,
      completed: 1,
      notCompleted: 0,
    });
  });

  it("brings a held ticket back: by resuming it into the queue, or by calling it directly", async () => {
    const held = await issue();
    await first.request("POST", "/api/v1/queue/counters/1/call", { ticketId: held.id });
    expect(
      (await first.request("POST", `/api/v1/queue/tickets/${held.id}/hold`)).json().status,
    ).toBe("held");
    const list = (
      await first.request("GET", "/api/v1/queue/tickets?status=waiting&status=held")
    ).json();
    expect(list.map((x: { id: string }) => x.id)).toContain(held.id);

    const direct = await second.request("POST", "/api/v1/queue/counters/2/call", {
      ticketId: held.id,
    });
    expect(direct.json()).toMatchObject({ status: "called", counterId: "2" });
    await second.request("POST", `/api/v1/queue/tickets/${held.id}/hold`);
    const resumed = await first.request("POST", `/api/v1/queue/tickets/${held.id}/resume`);
    expect(resumed.json().status).toBe("waiting");
    expect((await first.request("POST", "/api/v1/queue/counters/1/call-next")).json().id).toBe(
      held.id,
    );
  });

  it("refuses a number the counter's terminal cannot serve, and a counter that is not one's own", async () => {
    const third = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "staff")).username,
    );
    // The resident-record terminal cannot hand over a card (an integrated terminal is needed).
    await third.request("POST", "/api/v1/queue/counters/3/open", { terminal: "R1" });
    const ticket = await issue();
    const refused = await third.request("POST", "/api/v1/queue/counters/3/call", {
      ticketId: ticket.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "not_served_here", procedures: ["handover"] });
    const elsewhere = await first.request("POST", "/api/v1/queue/counters/2/call", {
      ticketId: ticket.id,
    });
    expect(elsewhere.json().code).toBe("counter_not_open");
    const unknown = await first.request("POST", "/api/v1/queue/counters/1/call", {
      ticketId: "nope",
    });
    expect(unknown.statusCode).toBe(404);
  });
});
