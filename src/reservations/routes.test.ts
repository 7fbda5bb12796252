import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildTestApp, type TestApp } from "../../test/factories.ts";
import { startClockAt } from "../platform/clock.ts";

let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  startClockAt(new Date("2026-08-03T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("public reservations API v1", () => {
  it("lists slots, books one, shows it through the management link, and cancels it", async () => {
    const slots = (
      await t.app.inject(
        `/api/v1/public/${tenantId}/slots?procedure=handover&from=2026-08-04&to=2026-08-04`,
      )
    ).json();
    expect(slots[0]).toEqual({
      start: "2026-08-04T08:30:00+09:00",
      end: "2026-08-04T09:00:00+09:00",
      capacity: 4,
      remaining: 4,
    });
    const booked = await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenantId}/reservations`,
      payload: {
        procedure: "handover",
        start: "2026-08-04T09:00:00+09:00",
        nameKana: "タナカ イチロウ",
        email: "tanaka@example.jp",
        reference: "A-20260801-77",
      },
    });
    expect(booked.statusCode).toBe(201);
    const { code, manageUrl } = booked.json();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const token = manageUrl.split("/").at(-1);
    const shown = (await t.app.inject(`/api/v1/public/${tenantId}/reservations/${token}`)).json();
    expect(shown).toMatchObject({
      code,
      procedure: "handover",
      start: "2026-08-04T09:00:00+09:00",
      status: "booked",
      nameKana: "タナカ イチロウ",
    });
    expect(JSON.stringify(shown)).not.toContain("tanaka@example.jp");
    const after = (
      await t.app.inject(
        `/api/v1/public/${tenantId}/slots?procedure=handover&from=2026-08-04&to=2026-08-04`,
      )
    ).json();
    expect(
      after.find((s: { start: string }) => s.start === "2026-08-04T09:00:00+09:00").remaining,
    ).toBe(3);
    expect(
      (
        await t.app.inject({
          method: "DELETE",
          url: `/api/v1/public/${tenantId}/reservations/${token}`,
        })
      ).json().status,
    ).toBe("cancelled");
    const restored = (
      await t.app.inject(
        `/api/v1/public/${tenantId}/slots?procedure=handover&from=2026-08-04&to=2026-08-04`,
      )
    ).json();
    expect(
      restored.find((s: { start: string }) => s.start === "2026-08-04T09:00:00+09:00").remaining,
    ).toBe(4);
  });

  it("never accepts a My Number, in any field", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenantId}/reservations`,
      payload: {
        procedure: "handover",
        start: "2026-08-04T09:30:00+09:00",
        nameKana: "タナカ",
        email: "t@example.jp",
        reference: "123456789018",
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: "my_number_detected", field: "body.reference" });
  });

  it("answers 409 slot_full with alternatives when the slot has no place", async () => {
    const start = "2026-08-04T11:00:00+09:00";
    for (let i = 0; i < 4; i++) {
      await t.app.inject({
        method: "POST",
        url: `/api/v1/public/${tenantId}/reservations`,
        payload: { procedure: "handover", start, nameKana: "カナ", email: `f${i}@example.jp` },
      });
    }
    const full = await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenantId}/reservations`,
      payload: { procedure: "handover", start, nameKana: "カナ", email: "late@example.jp" },
    });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({
      code: "slot_full",
      alternatives: expect.arrayContaining([
        expect.objectContaining({ start: "2026-08-04T11:30:00+09:00" }),
      ]),
    });
  });
});

describe("at the counter", () => {
  it("checks a reservation in and calls it, once its time has come, before walk-ins who came later", async () => {
    const { buildUser, signInAs } = await import("../../test/factories.ts");
    // Booked the day before for 10:00 on Tuesday.
    const booked = (
      await t.app.inject({
        method: "POST",
        url: `/api/v1/public/${tenantId}/reservations`,
        payload: {
          procedure: "ecert",
          start: "2026-08-04T10:00:00+09:00",
          nameKana: "サトウ",
          phone: "090-1234-5678",
        },
      })
    ).json();
    expect(booked.code).toBeDefined();
    startClockAt(new Date("2026-08-04T09:50:00+09:00"));
    // Signed in on the morning itself (a session idle overnight has ended).
    const staff = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "staff")).username,
    );
    const kiosk = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "kiosk")).username,
    );
    const early = (
      await kiosk.request("POST", "/api/v1/queue/tickets", { procedures: ["ecert"] })
    ).json();
    const list = (await staff.request("GET", "/api/v1/reservations?date=2026-08-04")).json();
    const mine = list.find((r: { code: string }) => r.code === booked.code);
    expect(mine).toMatchObject({ nameKana: "サトウ", phone: "09012345678", status: "booked" });
    const checkedIn = await staff.request("POST", `/api/v1/reservations/${mine.id}/check-in`);
    expect(checkedIn.json().reservation.status).toBe("checked_in");
    const later = (
      await kiosk.request("POST", "/api/v1/queue/tickets", { procedures: ["ecert"] })
    ).json();
    await staff.request("POST", "/api/v1/queue/counters/2/open", {});
    // Before 10:00 the reservation waits its turn like anyone; from 10:00 it goes first.
    startClockAt(new Date("2026-08-04T10:00:30+09:00"));
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const called = (await staff.request("POST", "/api/v1/queue/counters/2/call-next")).json();
      order.push(called.number);
      await staff.request("POST", `/api/v1/queue/tickets/${called.id}/start`);
      await staff.request("POST", `/api/v1/queue/tickets/${called.id}/finish`, {
        outcome: "completed",
      });
    }
    expect(order).toEqual([checkedIn.json().ticketNumber, early.number, later.number]);
    expect(
      (await staff.request("POST", `/api/v1/reservations/${mine.id}/check-in`)).json().code,
    ).toBe("not_booked");
  });
});
