import ICAL from "ical.js";
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

let t: TestApp;
let tenantId: string;
let city: Client;
let manager: Client;
let staff: Client;
beforeAll(async () => {
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  const as = async (role: "city" | "manager" | "staff") =>
    signInAs(t.app, tenantId, (await buildUser(t.database, tenantId, role)).username);
  [city, manager, staff] = [await as("city"), await as("manager"), await as("staff")];
});
afterAll(async () => {
  await t.close();
});

const dayOf = async (client: Client, date: string) =>
  (await client.request("GET", `/api/v1/calendar?from=${date}&to=${date}`)).json()[0];

describe("calendar API", () => {
  it("answers day by day in the documented shape", async () => {
    const response = await staff.request("GET", "/api/v1/calendar?from=2026-02-01&to=2026-02-07");
    expect(response.statusCode).toBe(200);
    const days = response.json();
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({
      date: "2026-02-01",
      counter: null,
      phone: null,
      kind: "out_of_service",
      reasons: ["業務期間外"],
    });
    expect(days[4]).toEqual({
      date: "2026-02-05",
      counter: { open: "08:30", close: "19:00" },
      phone: { open: "08:30", close: "17:15" },
      kind: "extended",
      reasons: ["第1木曜日の延長"],
    });
    expect(
      (await staff.request("GET", "/api/v1/calendar?from=2026-02-10&to=2026-02-01")).statusCode,
    ).toBe(400);
  });

  it("lets the city designate a weekend opening, warns per month, and audits it", async () => {
    const response = await city.request("PUT", "/api/v1/calendar/weekend-openings/2026-06-13", {});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ date: "2026-06-13", designated: true, warnings: [] });
    expect(await dayOf(staff, "2026-06-13")).toMatchObject({
      kind: "weekend_opening",
      counter: { open: "09:00", close: "12:00" },
    });
    for (const date of ["2026-06-14", "2026-06-20", "2026-06-21"])
      await city.request("PUT", `/api/v1/calendar/weekend-openings/${date}`, {});
    const list = (
      await staff.request("GET", "/api/v1/calendar/weekend-openings?from=2026-06-01&to=2026-07-31")
    ).json();
    expect(list.openings.map((o: { date: string }) => o.date)).toEqual([
      "2026-06-13",
      "2026-06-14",
      "2026-06-20",
      "2026-06-21",
    ]);
    expect(
      list.warnings.map((w: { month: string; code: string }) => `${w.month} ${w.code}`),
    ).toEqual(["2026-06 too_many_weekend_openings", "2026-07 no_weekend_opening"]);
    const cancel = await city.request("DELETE", "/api/v1/calendar/weekend-openings/2026-06-21");
    expect(cancel.json()).toMatchObject({ designated: false, warnings: [] });
    const events = await listAuditEvents(t.database.db, tenantId, {
      limit: 20,
      action: "calendar.weekend_designate",
    });
    expect(events.map((e) => e.entityId)).toContain("2026-06-13");
  });

  it("refuses a weekday designation, and refuses it to the contractor", async () => {
    const weekday = await city.request("PUT", "/api/v1/calendar/weekend-openings/2026-06-15", {});
    expect(weekday.statusCode).toBe(422);
    expect(weekday.json()).toMatchObject({
      code: "not_a_weekend",
      message: expect.stringContaining("土曜日・日曜日"),
    });
    expect(
      (await manager.request("PUT", "/api/v1/calendar/weekend-openings/2026-06-27", {})).statusCode,
    ).toBe(403);
  });

  it("changes a day only once the city approves the manager's request", async () => {
    const request = await manager.request("POST", "/api/v1/calendar/exceptions", {
      date: "2026-07-06",
      kind: "extension",
      counter: { open: "08:30", close: "18:30" },
      reason: "交付通知の一斉発送に伴う混雑対応",
    });
    expect(request.statusCode).toBe(201);
    const requested = request.json();
    expect(requested).toMatchObject({ status: "requested", requestedByName: "試験 manager" });
    expect((await dayOf(staff, "2026-07-06")).counter.close).toBe("17:00");
    expect(
      (
        await manager.request(
          "POST",
          `/api/v1/calendar/exceptions/${requested.exceptionId}/approve`,
          {},
        )
      ).statusCode,
    ).toBe(403);
    const approved = await city.request(
      "POST",
      `/api/v1/calendar/exceptions/${requested.exceptionId}/approve`,
      { note: "了承" },
    );
    expect(approved.json()).toMatchObject({
      status: "approved",
      decidedByName: "試験 city",
      decisionNote: "了承",
    });
    expect(await dayOf(staff, "2026-07-06")).toMatchObject({
      kind: "exception",
      counter: { close: "18:30" },
      reasons: ["業務時間の延長: 交付通知の一斉発送に伴う混雑対応"],
    });
    expect(
      (
        await city.request(
          "POST",
          `/api/v1/calendar/exceptions/${requested.exceptionId}/approve`,
          {},
        )
      ).json().code,
    ).toBe("invalid_transition");
    const actions = (await listAuditEvents(t.database.db, tenantId, { limit: 50 })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["calendar.exception_request", "calendar.exception_approve"]),
    );
  });

  it("keeps rejected and withdrawn requests off the calendar", async () => {
    const closure = (
      await manager.request("POST", "/api/v1/calendar/exceptions", {
        date: "2026-07-07",
        kind: "closure",
        reason: "庁舎電気設備点検",
      })
    ).json();
    await city.request("POST", `/api/v1/calendar/exceptions/${closure.exceptionId}/reject`, {
      note: "日程再調整",
    });
    const withdrawn = (
      await manager.request("POST", "/api/v1/calendar/exceptions", {
        date: "2026-07-08",
        kind: "closure",
        reason: "x",
      })
    ).json();
    expect(
      (
        await manager.request(
          "POST",
          `/api/v1/calendar/exceptions/${withdrawn.exceptionId}/withdraw`,
          {},
        )
      ).json().status,
    ).toBe("withdrawn");
    expect((await dayOf(staff, "2026-07-07")).kind).toBe("weekday");
    expect((await dayOf(staff, "2026-07-08")).kind).toBe("weekday");
    const list = (
      await staff.request("GET", "/api/v1/calendar/exceptions?from=2026-07-01&to=2026-07-31")
    ).json();
    expect(list.map((e: { status: string }) => e.status)).toEqual([
      "approved",
      "rejected",
      "withdrawn",
    ]);
  });

  it("refuses an extension of a closed day and a request without a reason", async () => {
    const sunday = await manager.request("POST", "/api/v1/calendar/exceptions", {
      date: "2026-07-12",
      kind: "extension",
      counter: { open: "09:00", close: "13:00" },
      reason: "x",
    });
    expect(sunday.json().code).toBe("day_not_open");
    expect(
      (
        await manager.request("POST", "/api/v1/calendar/exceptions", {
          date: "2026-07-13",
          kind: "closure",
          reason: "",
        })
      ).statusCode,
    ).toBe(400);
  });

  it("validates and applies calendar settings", async () => {
    const settings = (await staff.request("GET", "/api/v1/calendar/settings")).json();
    expect(settings.weekday.counter).toEqual({ open: "08:30", close: "17:00" });
    const shorterPhone = {
      ...settings,
      weekday: { ...settings.weekday, phone: { open: "09:00", close: "17:15" } },
    };
    expect((await city.request("PUT", "/api/v1/calendar/settings", shorterPhone)).json().code).toBe(
      "phone_shorter_than_counter",
    );
    expect((await manager.request("PUT", "/api/v1/calendar/settings", settings)).statusCode).toBe(
      403,
    );
  });
});

describe("public calendar", () => {
  it("hides internal reasons and needs no sign-in", async () => {
    const closure = (
      await manager.request("POST", "/api/v1/calendar/exceptions", {
        date: "2026-08-03",
        kind: "closure",
        reason: "職員の感染症による人員不足",
      })
    ).json();
    await city.request("POST", `/api/v1/calendar/exceptions/${closure.exceptionId}/approve`, {});
    const response = await t.app.inject(
      `/api/v1/public/${tenantId}/calendar?from=2026-08-03&to=2026-08-03`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()[0]).toMatchObject({ kind: "closed", reasons: ["臨時休業"] });
    expect(response.body).not.toContain("感染症");
    expect((await t.app.inject("/api/v1/public/no-such-city/calendar")).statusCode).toBe(404);
  });

  it("serves an iCalendar feed that a third-party parser reads", async () => {
    const response = await t.app.inject(
      `/api/v1/public/${tenantId}/calendar.ics?from=2026-02-01&to=2026-02-28`,
    );
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const days = (
      await staff.request("GET", "/api/v1/calendar?from=2026-02-01&to=2026-02-28")
    ).json() as { counter: unknown }[];
    expect(events).toHaveLength(days.filter((d) => d.counter).length);
    const first = events.find((e) => e.uid.startsWith("2026-02-05"))!;
    expect(first.startDate.toJSDate().toISOString()).toBe("2026-02-04T23:30:00.000Z");
    expect(first.endDate.toJSDate().toISOString()).toBe("2026-02-05T10:00:00.000Z");
    expect(first.summary).toBe("窓口 8:30〜19:00（第1木曜日の延長）");
    expect(first.description).toBe("電話受付 8:30〜17:15");
    const signedIn = await staff.request(
      "GET",
      "/api/v1/calendar.ics?from=2026-02-01&to=2026-02-28",
    );
    expect(signedIn.statusCode).toBe(200);
  });
});
