import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  type TestApp,
} from "../../test/factories.ts";
import { startClockAt } from "../platform/clock.ts";

let t: TestApp;
let staff: Client;
let kiosk: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp();
  const tenantId = (await buildTenant(t.database)).tenantId;
  staff = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "staff")).username,
  );
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

describe("phone log", () => {
  it("records a call in the phone hours as a phone service record", async () => {
    const response = await staff.request("POST", "/api/v1/phone/calls", {
      startedAt: "2026-08-04T09:40:00+09:00",
      endedAt: "2026-08-04T09:46:30+09:00",
      category: "notice",
      outcome: "answered",
    });
    expect(response.statusCode).toBe(201);
    const records = (
      await staff.request("GET", "/api/v1/service-records?from=2026-08-04&to=2026-08-04")
    ).json();
    expect(records).toEqual([
      expect.objectContaining({
        channel: "phone",
        procedureCode: "phone",
        category: "notice",
        outcome: "answered",
        startedAt: "2026-08-04T00:40:00.000Z",
      }),
    ]);
  });

  it("refuses a call outside the phone hours without a reason, and a kiosk", async () => {
    const late = {
      startedAt: "2026-08-04T08:00:00+09:00",
      endedAt: "2026-08-04T08:03:00+09:00",
      category: "other",
      outcome: "call_back",
    };
    expect((await staff.request("POST", "/api/v1/phone/calls", late)).json().code).toBe(
      "phone_closed",
    );
    expect(
      (
        await staff.request("POST", "/api/v1/phone/calls", {
          ...late,
          overrideReason: "始業前の着信に対応",
        })
      ).statusCode,
    ).toBe(201);
    expect((await kiosk.request("POST", "/api/v1/phone/calls", late)).statusCode).toBe(403);
    expect(
      (await staff.request("POST", "/api/v1/phone/calls", { ...late, category: "gossip" })).json()
        .code,
    ).toBe("unknown_category");
  });
});

describe("health-insurance / public-fund checklist", () => {
  it("records each step with the outcome, and refuses a completion without the required steps", async () => {
    await staff.request("POST", "/api/v1/queue/counters/1/open", {});
    const ticket = (
      await kiosk.request("POST", "/api/v1/queue/tickets", { procedures: ["insurance_fund"] })
    ).json();
    await staff.request("POST", "/api/v1/queue/counters/1/call-next");
    await staff.request("POST", `/api/v1/queue/tickets/${ticket.id}/start`);
    const missing = await staff.request("POST", `/api/v1/queue/tickets/${ticket.id}/finish`, {
      outcome: "completed",
    });
    expect(missing.json().code).toBe("checklist_incomplete");
    const notDone = await staff.request("POST", `/api/v1/queue/tickets/${ticket.id}/finish`, {
      outcome: "completed",
      checklists: {
        insurance_fund: {
          identity: "done",
          insurance: "done",
          public_fund: "skipped",
          explain: "failed",
        },
      },
    });
    expect(notDone.json()).toMatchObject({
      code: "checklist_incomplete",
      message: expect.stringContaining("利用方法の説明"),
    });
    const checklist = {
      identity: "done",
      insurance: "done",
      public_fund: "skipped",
      explain: "done",
    };
    expect(
      (
        await staff.request("POST", `/api/v1/queue/tickets/${ticket.id}/finish`, {
          outcome: "completed",
          checklists: { insurance_fund: checklist },
        })
      ).statusCode,
    ).toBe(200);
    const records = (
      await staff.request("GET", "/api/v1/service-records?from=2026-08-04&to=2026-08-04")
    ).json() as { procedureCode: string; checklist: unknown }[];
    expect(records.find((r) => r.procedureCode === "insurance_fund")?.checklist).toEqual(checklist);
  });
});
