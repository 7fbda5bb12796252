import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { startClockAt } from "../platform/clock.ts";

let t: TestApp;
let staff: Client;
let manager: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-08-04T15:00:00+09:00"));
  t = await buildTestApp();
  const { tenantId } = await buildTenant(t.database);
  staff = await signedInAs(t, tenantId, "staff");
  manager = await signedInAs(t, tenantId, "manager");
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

const visit = (number: string, over: Record<string, string> = {}) => ({
  number,
  procedure: "handover",
  issuedAt: "2026-08-04T10:05:00+09:00",
  startedAt: "2026-08-04T10:20:00+09:00",
  finishedAt: "2026-08-04T10:32:00+09:00",
  outcome: "completed",
  ...over,
});

describe("paper tickets recorded after an outage", () => {
  it("records a visit once, on a number set aside, in the day's service records", async () => {
    const recorded = await staff.request("POST", "/api/v1/queue/paper-visits", visit("p001"));
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ serviceDay: "2026-08-04", number: "P001" });
    const again = await staff.request("POST", "/api/v1/queue/paper-visits", visit("P001"));
    expect(again.json()).toMatchObject({ code: "paper_ticket_recorded" });
    expect(
      (await staff.request("POST", "/api/v1/queue/paper-visits", visit("Q001"))).json(),
    ).toMatchObject({
      code: "not_a_paper_ticket",
    });
    expect(
      (await staff.request("POST", "/api/v1/queue/paper-visits", visit("P201"))).json(),
    ).toMatchObject({
      code: "not_a_paper_ticket",
    });
    expect(
      (
        await staff.request(
          "POST",
          "/api/v1/queue/paper-visits",
          visit("P002", { finishedAt: "2026-08-04T10:10:00+09:00" }),
        )
      ).json(),
    ).toMatchObject({ code: "invalid_paper_times" });
    const records = (
      await manager.request("GET", "/api/v1/service-records?from=2026-08-04&to=2026-08-04")
    ).json() as { procedureCode: string; channel: string }[];
    expect(records).toEqual([
      expect.objectContaining({ procedureCode: "handover", channel: "counter" }),
    ]);
  });
});
