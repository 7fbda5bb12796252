import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  type TestApp,
} from "../../test/factories.ts";
import type { Actor } from "../platform/actor.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { startClockAt } from "../platform/clock.ts";
import { runOperation } from "../platform/operation.ts";
import { callNext, openCounter } from "./counterSessions.ts";
import { issueTicket } from "./issue.ts";
import { finishTicket, startTicket } from "./ticketSteps.ts";
import { ticketsOfDay } from "./ticketStore.ts";

/** The §4(3) checklist, every step done (for visits that include insurance_fund). */
const ALL_STEPS_DONE = {
  insurance_fund: { identity: "done", insurance: "done", public_fund: "done", explain: "done" },
};

// A Tuesday morning in August 2026, when the counter is open.
const TUESDAY_10 = new Date("2026-08-04T10:00:00+09:00");

let t: TestApp;
let tenantId: string;
let staff: Client;
let kiosk: Client;
let staffUser: { userId: string };
beforeAll(async () => {
  startClockAt(TUESDAY_10);
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  const s = await buildUser(t.database, tenantId, "staff");
  staffUser = s;
  staff = await signInAs(t.app, tenantId, s.username);
  kiosk = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "kiosk")).username,
  );
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("counter flow through the public API", () => {
  it("issues, calls, starts and finishes a ticket, leaving a service record and audit events", async () => {
    const issued = await kiosk.request("POST", "/api/v1/queue/tickets", {
      procedures: ["handover"],
      priority: false,
    });
    expect(issued.statusCode).toBe(201);
    const ticket = issued.json();
    expect(ticket).toMatchObject({ number: "A001", procedures: ["handover"], status: "waiting" });
    expect(ticket.statusUrl).toMatch(/\/status\/.+\/[A-Za-z0-9_-]{24}$/);
    expect(ticket.estimate).toBeNull(); // no counter open yet: no number is promised

    expect((await staff.request("POST", "/api/v1/queue/counters/1/call-next")).json().code).toBe(
      "counter_not_open",
    );
    expect((await staff.request("POST", "/api/v1/queue/counters/1/open", {})).json()).toMatchObject(
      { counterId: "1", terminalId: "T1" },
    );
    const called = await staff.request("POST", "/api/v1/queue/counters/1/call-next");
    expect(called.json()).toMatchObject({ id: ticket.id, status: "called", counterId: "1" });
    expect((await staff.request("POST", "/api/v1/queue/counters/1/call-next")).statusCode).toBe(
      204,
    );
    expect(
      (await staff.request("POST", `/api/v1/queue/tickets/${ticket.id}/start`)).json().status,
    ).toBe("serving");
    const finished = await staff.request("POST", `/api/v1/queue/tickets/${ticket.id}/finish`, {
      outcome: "completed",
    });
    expect(finished.json().status).toBe("done");

    const records = (
      await staff.request("GET", "/api/v1/service-records?from=2026-08-04&to=2026-08-04")
    ).json();
    expect(records).toEqual([
      expect.objectContaining({
        procedureCode: "handover",
        channel: "counter",
        outcome: "completed",
        counterId: "1",
        terminalId: "T1",
        ticketId: ticket.id,
      }),
    ]);
    const actions = (await listAuditEvents(t.database.db, tenantId, { limit: 20 })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "ticket.issue",
        "counter.open",
        "ticket.call",
        "ticket.start",
        "ticket.finish",
      ]),
    );
    await staff.request("POST", "/api/v1/queue/counters/1/close");
  });

  it("calls priority first, then arrival order, and only what the counter's terminal allows", async () => {
    const a = (
      await kiosk.request("POST", "/api/v1/queue/tickets", { procedures: ["application"] })
    ).json();
    const b = (
      await kiosk.request("POST", "/api/v1/queue/tickets", { procedures: ["handover"] })
    ).json();
    const c = (
      await kiosk.request("POST", "/api/v1/queue/tickets", {
        procedures: ["application"],
        priority: true,
        priorityReason: "elderly",
      })
    ).json();
    // The resident-record terminal cannot serve handover (it needs an integrated terminal).
    await staff.request("POST", "/api/v1/queue/counters/2/open", { terminal: "R1" });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await staff.request("POST", "/api/v1/queue/counters/2/call-next");
      if (r.statusCode === 204) break;
      order.push(r.json().id);
      await staff.request("POST", `/api/v1/queue/tickets/${r.json().id}/start`);
      await staff.request("POST", `/api/v1/queue/tickets/${r.json().id}/finish`, {
        outcome: "not_completed",
        reason: "documents",
      });
    }
    expect(order).toEqual([c.id, a.id]);
    expect((await staff.request("GET", `/api/v1/queue/tickets/${b.id}`)).json().status).toBe(
      "waiting",
    );
    await staff.request("POST", "/api/v1/queue/counters/2/close");
  });

  it("recalls before a no-show, and refuses impossible steps with a clear code", async () => {
    await staff.request("POST", "/api/v1/queue/counters/3/open", {});
    const next = (await staff.request("POST", "/api/v1/queue/counters/3/call-next")).json();
    expect(
      (await staff.request("POST", `/api/v1/queue/tickets/${next.id}/no-show`)).json().code,
    ).toBe("recall_first");
    await staff.request("POST", `/api/v1/queue/tickets/${next.id}/recall`);
    await staff.request("POST", `/api/v1/queue/tickets/${next.id}/recall`);
    expect(
      (await staff.request("POST", `/api/v1/queue/tickets/${next.id}/no-show`)).json().status,
    ).toBe("no_show");
    expect(
      (await staff.request("POST", `/api/v1/queue/tickets/${next.id}/start`)).json().code,
    ).toBe("invalid_transition");
    expect(
      (
        await staff.request("POST", `/api/v1/queue/tickets/${next.id}/finish`, {
          outcome: "not_completed",
        })
      ).json().code,
    ).toBe("reason_required");
    await staff.request("POST", "/api/v1/queue/counters/3/close");
  });

  it("keeps a terminal in one open session", async () => {
    const other = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "staff")).username,
    );
    expect(
      (await staff.request("POST", "/api/v1/queue/counters/4/open", { terminal: "T5" })).statusCode,
    ).toBe(200);
    const clash = await other.request("POST", "/api/v1/queue/counters/5/open", { terminal: "T5" });
    expect(clash.json().code).toBe("counter_or_terminal_in_use");
    await staff.request("POST", "/api/v1/queue/counters/4/close");
    expect(
      (await other.request("POST", "/api/v1/queue/counters/5/open", { terminal: "T5" })).statusCode,
    ).toBe(200);
    await other.request("POST", "/api/v1/queue/counters/5/close");
  });

  it("refuses a kiosk ticket while the calendar says closed; staff may override with a reason", async () => {
    startClockAt(new Date("2026-08-04T08:00:00+09:00")); // before the counter opens at 8:30
    try {
      const refused = await kiosk.request("POST", "/api/v1/queue/tickets", {
        procedures: ["handover"],
      });
      expect(refused.json()).toMatchObject({
        code: "counter_closed",
        message: expect.stringContaining("受付時間外"),
      });
      expect(
        (
          await kiosk.request("POST", "/api/v1/queue/tickets", {
            procedures: ["handover"],
            overrideReason: "x",
          })
        ).statusCode,
      ).toBe(409);
      const override = await staff.request("POST", "/api/v1/queue/tickets", {
        procedures: ["handover"],
        overrideReason: "閉庁後の来庁者（管理者了承済み）",
      });
      expect(override.statusCode).toBe(201);
      expect(override.json().number).toMatch(/^A\d{3}$/);
    } finally {
      startClockAt(TUESDAY_10);
    }
  });

  it("screens the free-text note for a My Number", async () => {
    const ticket = (
      await kiosk.request("POST", "/api/v1/queue/tickets", { procedures: ["pin_reset"] })
    ).json();
    const response = await staff.request("POST", `/api/v1/queue/tickets/${ticket.id}/finish`, {
      outcome: "completed",
      note: "番号 1234 5678 9018 を確認",
    });
    expect(response.json()).toMatchObject({ code: "my_number_detected", field: "body.note" });
  });
});

describe("concurrency", () => {
  it("20 issuers × 25 tickets and 5 counters calling at once: unique numbers, none lost, none called twice, one final state each", async () => {
    const tenant = (await buildTenant(t.database)).tenantId;
    const issuers: Actor[] = Array.from({ length: 20 }, (_, i) => ({
      tenantId: tenant,
      userId: `kiosk-${i}`,
      role: "kiosk",
    }));
    const staffActors: Actor[] = [];
    for (let c = 1; c <= 5; c++) {
      const user = await buildUser(t.database, tenant, "staff");
      const actor = { tenantId: tenant, userId: user.userId, role: "staff" };
      await runOperation(t.database.db, actor, (ctx) => openCounter(ctx, { counterId: String(c) }));
      staffActors.push(actor);
    }
    const procedures = ["handover", "ecert", "pin_reset", "application", "insurance_fund"];
    let issuing = true;
    const issuedIds: string[] = [];
    const calls = new Map<string, number>();
    const issue = async (actor: Actor, w: number) => {
      for (let i = 0; i < 25; i++) {
        const ticket = await runOperation(t.database.db, actor, (ctx) =>
          issueTicket(ctx, { procedures: [procedures[(w + i) % procedures.length]!] }),
        );
        issuedIds.push(ticket.ticketId);
      }
    };
    const serve = async (actor: Actor, counter: string) => {
      for (;;) {
        const ticket = await runOperation(t.database.db, actor, (ctx) =>
          callNext(ctx, { counterId: counter }),
        );
        if (!ticket) {
          if (!issuing) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        calls.set(ticket.ticketId, (calls.get(ticket.ticketId) ?? 0) + 1);
        await runOperation(t.database.db, actor, (ctx) =>
          startTicket(ctx, { ticketId: ticket.ticketId }),
        );
        await runOperation(t.database.db, actor, (ctx) =>
          finishTicket(ctx, {
            ticketId: ticket.ticketId,
            outcome: "completed",
            checklists: ALL_STEPS_DONE,
          }),
        );
      }
    };
    const serving = staffActors.map((actor, i) => serve(actor, String(i + 1)));
    await Promise.all(issuers.map((actor, w) => issue(actor, w)));
    issuing = false;
    await Promise.all(serving);

    const all = await ticketsOfDay(t.database.db, tenant, "2026-08-04", [
      "waiting",
      "called",
      "serving",
      "held",
      "done",
      "no_show",
      "cancelled",
    ]);
    expect(issuedIds).toHaveLength(500);
    expect(all).toHaveLength(500);
    expect(new Set(all.map((x) => x.displayNumber)).size).toBe(500);
    expect(all.every((x) => x.status === "done")).toBe(true);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(500);
    const records = (
      await signInAs(t.app, tenant, (await buildUser(t.database, tenant, "manager")).username).then(
        (m) => m.request("GET", "/api/v1/service-records?from=2026-08-04&to=2026-08-04"),
      )
    ).json();
    expect(records).toHaveLength(500);
    void staffUser;
  });
});

describe("configuration and alerts", () => {
  it("lets the manager set thresholds; passing one shows an alert on the board", async () => {
    const tenant = (await buildTenant(t.database)).tenantId;
    const manager = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "manager")).username,
    );
    const device = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "kiosk")).username,
    );
    expect(
      (
        await device.request("PUT", "/api/v1/queue/settings", {
          alertLongestWaitMinutes: 30,
          alertQueueLength: 2,
          noShowAfterRecalls: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await manager.request("PUT", "/api/v1/queue/settings", {
          alertLongestWaitMinutes: 30,
          alertQueueLength: 2,
          noShowAfterRecalls: 1,
        })
      ).statusCode,
    ).toBe(200);
    for (let i = 0; i < 3; i++)
      await device.request("POST", "/api/v1/queue/tickets", { procedures: ["ecert"] });
    const board = (await manager.request("GET", "/api/v1/queue/board")).json();
    expect(board.alerts).toEqual([
      expect.objectContaining({
        code: "long_queue",
        value: 3,
        threshold: 2,
        message: expect.stringContaining("3人"),
      }),
    ]);
    const congestion = (await t.app.inject(`/api/v1/public/${tenant}/congestion`)).json();
    expect(congestion.alerts).toBeUndefined();
  });

  it("adds a counter and a procedure, renames and retires it; retired ones cannot be issued", async () => {
    const tenant = (await buildTenant(t.database)).tenantId;
    const manager = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "manager")).username,
    );
    expect(
      (
        await manager.request("POST", "/api/v1/queue/counters", {
          counterId: "6",
          nameJa: "6番窓口（臨時）",
          defaultTerminalId: "R1",
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await manager.request("POST", "/api/v1/queue/counters", { counterId: "6", nameJa: "重複" })
      ).json().code,
    ).toBe("counter_exists");
    const added = await manager.request("POST", "/api/v1/queue/procedures", {
      code: "address_change",
      nameJa: "住所変更の記載",
      nameEn: "Address update on the card",
      standardMinutes: 7,
      groupCode: "change",
    });
    expect(added.statusCode).toBe(201);
    expect(
      (await manager.request("POST", "/api/v1/queue/tickets", { procedures: ["address_change"] }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await manager.request("PATCH", "/api/v1/queue/procedures/address_change", {
          nameJa: "券面記載事項の変更",
        })
      ).json().nameJa,
    ).toBe("券面記載事項の変更");
    expect(
      (
        await manager.request("PATCH", "/api/v1/queue/procedures/address_change", { retired: true })
      ).json().retiredAt,
    ).not.toBeNull();
    expect(
      (
        await manager.request("POST", "/api/v1/queue/tickets", { procedures: ["address_change"] })
      ).json().code,
    ).toBe("unknown_procedure");
  });
});
