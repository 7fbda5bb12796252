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

describe("settings", () => {
  it("lets the manager change the slot length, the capacity of a group and of one slot", async () => {
    const { buildUser, signInAs } = await import("../../test/factories.ts");
    startClockAt(new Date("2026-08-03T10:00:00+09:00"));
    const tenant = (await buildTenant(t.database)).tenantId;
    const manager = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "manager")).username,
    );
    const staff = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "staff")).username,
    );
    const settings = (await manager.request("GET", "/api/v1/reservations/settings")).json();
    expect(settings).toMatchObject({
      slotMinutes: 30,
      openDaysAhead: 30,
      closeHoursBefore: 2,
      maxFuturePerPerson: 2,
    });
    expect((await staff.request("PUT", "/api/v1/reservations/settings", settings)).statusCode).toBe(
      403,
    );
    expect(
      (
        await manager.request("PUT", "/api/v1/reservations/settings", {
          ...settings,
          slotMinutes: 7,
        })
      ).json().code,
    ).toBe("invalid_settings");
    expect(
      (
        await manager.request("PUT", "/api/v1/reservations/settings", {
          ...settings,
          slotMinutes: 60,
          capacityByGroup: { handover: 6 },
        })
      ).statusCode,
    ).toBe(200);
    const slots = (
      await t.app.inject(
        `/api/v1/public/${tenant}/slots?procedure=handover&from=2026-08-04&to=2026-08-04`,
      )
    ).json();
    expect(slots[0]).toEqual({
      start: "2026-08-04T08:30:00+09:00",
      end: "2026-08-04T09:30:00+09:00",
      capacity: 6,
      remaining: 6,
    });
    expect(
      (
        await manager.request("PUT", "/api/v1/reservations/capacity", {
          group: "handover",
          start: "2026-08-04T08:30:00+09:00",
          capacity: 1,
        })
      ).statusCode,
    ).toBe(200);
    await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenant}/reservations`,
      payload: {
        procedure: "handover",
        start: "2026-08-04T08:30:00+09:00",
        nameKana: "カナ",
        email: "one@example.jp",
      },
    });
    const after = (
      await t.app.inject(
        `/api/v1/public/${tenant}/slots?procedure=handover&from=2026-08-04&to=2026-08-04`,
      )
    ).json();
    expect(after[0]).toMatchObject({ capacity: 1, remaining: 0 });
    expect(
      (
        await manager.request("PUT", "/api/v1/reservations/capacity", {
          group: "handover",
          start: "2026-08-04T08:30:00+09:00",
          capacity: 0,
        })
      ).json().code,
    ).toBe("below_booked");
  });
});

describe("reservation-only weekend openings", () => {
  it("refuses walk-in tickets that day but takes bookings and their check-ins", async () => {
    const { buildUser, signInAs } = await import("../../test/factories.ts");
    startClockAt(new Date("2026-08-10T10:00:00+09:00"));
    const tenant = (await buildTenant(t.database)).tenantId;
    const city = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "city")).username,
    );
    expect(
      (
        await city.request("PUT", "/api/v1/calendar/weekend-openings/2026-08-22", {
          reservationOnly: true,
        })
      ).statusCode,
    ).toBe(200);
    const day = (
      await city.request("GET", "/api/v1/calendar?from=2026-08-22&to=2026-08-22")
    ).json()[0];
    expect(day).toMatchObject({
      kind: "weekend_opening",
      reservationOnly: true,
      reasons: ["休日開庁（土曜日）", "予約制"],
    });
    const booked = await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenant}/reservations`,
      payload: {
        procedure: "handover",
        start: "2026-08-22T09:00:00+09:00",
        nameKana: "ドヨウ",
        email: "sat@example.jp",
      },
    });
    expect(booked.statusCode).toBe(201);
    startClockAt(new Date("2026-08-22T09:05:00+09:00"));
    const kiosk = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "kiosk")).username,
    );
    const staff = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "staff")).username,
    );
    expect(
      (await kiosk.request("POST", "/api/v1/queue/tickets", { procedures: ["handover"] })).json()
        .code,
    ).toBe("reservation_only");
    const [reservation] = (
      await staff.request("GET", "/api/v1/reservations?date=2026-08-22")
    ).json();
    const checkIn = await staff.request("POST", `/api/v1/reservations/${reservation.id}/check-in`);
    expect(checkIn.statusCode).toBe(200);
    expect(checkIn.json().ticketNumber).toMatch(/^A\d{3}$/);
  });
});

describe("staff moves", () => {
  it("moves a booking with a reason and keeps the places right", async () => {
    const { buildUser, signInAs } = await import("../../test/factories.ts");
    startClockAt(new Date("2026-08-03T10:00:00+09:00"));
    const tenant = (await buildTenant(t.database)).tenantId;
    const staff = await signInAs(
      t.app,
      tenant,
      (await buildUser(t.database, tenant, "staff")).username,
    );
    await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenant}/reservations`,
      payload: {
        procedure: "ecert",
        start: "2026-08-05T09:00:00+09:00",
        nameKana: "ウゴク",
        email: "move@example.jp",
      },
    });
    const [row] = (await staff.request("GET", "/api/v1/reservations?date=2026-08-05")).json();
    expect(
      (
        await staff.request("POST", `/api/v1/reservations/${row.id}/move`, {
          start: "2026-08-05T15:00:00+09:00",
          reason: "",
        })
      ).json().code,
    ).toBe("reason_required");
    const moved = await staff.request("POST", `/api/v1/reservations/${row.id}/move`, {
      start: "2026-08-05T15:00:00+09:00",
      reason: "電話で変更の依頼",
    });
    expect(moved.json()).toMatchObject({ start: "2026-08-05T15:00:00+09:00", status: "booked" });
    const slots = (
      await t.app.inject(
        `/api/v1/public/${tenant}/slots?procedure=ecert&from=2026-08-05&to=2026-08-05`,
      )
    ).json() as { start: string; remaining: number; capacity: number }[];
    expect(slots.find((s) => s.start === "2026-08-05T09:00:00+09:00")!.remaining).toBe(
      slots[0]!.capacity,
    );
  });
});
