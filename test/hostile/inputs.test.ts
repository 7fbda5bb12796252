import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "../../src/platform/http/jsonBody.ts";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  type TestApp,
} from "../factories.ts";

/**
 * Issue 11, findings 3 and 7: input that used to reach the database or date arithmetic and come
 * back as a 500, and My Numbers in clothes the old screen did not see.
 */
let t: TestApp;
let tenantId: string;
let manager: Client;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  manager = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "manager")).username,
  );
  admin = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "admin")).username,
  );
});
afterAll(() => t.close());

/** A citizen's booking through the public page, with the e-mail given. */
const bookWithEmail = (email: string) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/public/${tenantId}/reservations`,
    payload: {
      procedure: "card_application",
      start: "2026-08-03T10:00:00+09:00",
      nameKana: "ナガオカ ハナコ",
      email,
    },
  });

const BAD_DATES = ["9999-99-99", "0000-00-00", "2026-13-01", "9999-12-31", "2026-02-30"];
const nested = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

describe("no 500 from input", () => {
  it("refuses JSON nested deeper than any form needs, before anything walks it", async () => {
    for (const url of ["/api/v1/auth/login", `/api/v1/public/${tenantId}/reservations`]) {
      for (const depth of [MAX_JSON_DEPTH + 1, 10_000]) {
        const response = await t.app.inject({
          method: "POST",
          url,
          headers: { "content-type": "application/json" },
          payload: `{"a":${nested(depth)}}`,
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().code).toBe("json_too_deep");
      }
    }
  });

  it("refuses a NUL byte in any text with 422 invalid_text, naming the field", async () => {
    const booking = await bookWithEmail("hanako\u0000@example.jp");
    expect(booking.statusCode).toBe(422);
    expect(booking.json()).toMatchObject({ code: "invalid_text", field: "body.email" });
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { tenant: tenantId, username: "a\u0000b", password: "x" },
    });
    expect(login.statusCode).toBe(422);
    const person = await manager.request("POST", "/api/v1/roster/people", { nameJa: "試\u0000験" });
    expect(person.statusCode).toBe(422);
    const inQuery = await manager.request("GET", "/api/v1/audit/events?action=a%00b");
    expect([403, 422]).toContain(inQuery.statusCode);
  });

  it("refuses a broken character (half of a surrogate pair) anywhere, keys included; whole emoji pass", async () => {
    const booking = await bookWithEmail("hanako\ud800@example.jp");
    expect(booking.statusCode).toBe(422);
    expect(booking.json()).toMatchObject({ code: "invalid_text", field: "body.email" });
    // In an object's key too: such a key would otherwise reach a jsonb column and fail there.
    const person = await manager.request("POST", "/api/v1/roster/people", {
      nameJa: "試験",
      availability: { "\udc00": { from: "09:00", to: "17:00" } },
    });
    expect(person.statusCode).toBe(422);
    expect(person.json().code).toBe("invalid_text");
    const whole = await bookWithEmail("hanako😀@example.jp");
    expect(whole.json().code).not.toBe("invalid_text");
  });

  it.each(BAD_DATES)(
    "refuses the impossible date %s with 422 and the field, everywhere",
    async (bad) => {
      const publicRequests = [
        t.app.inject(`/api/v1/public/${tenantId}/slots?procedure=card_application&from=${bad}`),
        t.app.inject(`/api/v1/public/${tenantId}/calendar?from=${bad}`),
        t.app.inject(`/api/v1/public/${tenantId}/calendar.ics?to=${bad}`),
        t.app.inject({
          method: "POST",
          url: `/api/v1/public/${tenantId}/reservations`,
          payload: {
            procedure: "card_application",
            start: `${bad}T10:00:00+09:00`,
            nameKana: "ア",
          },
        }),
        t.app.inject({
          method: "PATCH",
          url: `/api/v1/public/${tenantId}/reservations/${"a".repeat(32)}`,
          payload: { start: `${bad}T10:00:00+09:00` },
        }),
      ];
      const staffRequests = [
        manager.request("GET", `/api/v1/reservations?date=${bad}`),
        manager.request("GET", `/api/v1/reservations/closure-impact?date=${bad}`),
        manager.request("GET", `/api/v1/roster/duty?date=${bad}`),
        manager.request("GET", `/api/v1/service-records?from=${bad}&to=2026-08-31`),
        manager.request("GET", `/api/v1/calendar/exceptions?from=${bad}`),
        manager.request("POST", `/api/v1/calendar/weekend-openings/${bad}`, {}),
        manager.request("POST", "/api/v1/roster/people", { nameJa: "試験", startDate: bad }),
        manager.request("POST", `/api/v1/roster/people/${"p".repeat(8)}/leave`, { endDate: bad }),
        manager.request("POST", "/api/v1/calendar/exceptions", {
          date: bad,
          kind: "closed",
          counter: null,
          phone: null,
          reason: "試験",
        }),
      ];
      for (const response of await Promise.all([...publicRequests, ...staffRequests])) {
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode === 422) expect(response.json().field).toBeTruthy();
      }
      const slots = await publicRequests[0]!;
      expect(slots.statusCode).toBe(422);
      expect(slots.json()).toMatchObject({ code: "invalid_date", field: "querystring.from" });
    },
  );

  it("refuses an empty patch with 422 and an empty capacity group with 400", async () => {
    const procedure = await manager.request(
      "PATCH",
      "/api/v1/queue/procedures/card_application",
      {},
    );
    expect(procedure.statusCode).toBe(422);
    expect(procedure.json().code).toBe("empty_patch");
    const course = await admin.request("PATCH", "/api/v1/training/courses/any", {});
    expect([403, 422]).toContain(course.statusCode);
    const capacity = await manager.request("PUT", "/api/v1/reservations/capacity", {
      group: "",
      start: "2026-08-03T10:00:00+09:00",
      capacity: 1,
    });
    expect(capacity.statusCode).toBe(400);
  });
});

describe("My Numbers in other clothes are refused, not stored", () => {
  it.each([
    "5260.1815.9084@example.com",
    "526-018-159-084",
    "52601815-9084",
    "5260/1815/9084",
    "5260\u00a01815\u00a09084",
    "5260\u200b1815\u200b9084",
    "\u0665\u0662\u0666\u0660\u0661\u0668\u0661\u0665\u0669\u0660\u0668\u0664",
  ])("%s in a booking", async (clothed) => {
    const response = await bookWithEmail(clothed);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: "my_number_detected", field: "body.email" });
    expect(response.body).not.toContain("1815");
  });
});
