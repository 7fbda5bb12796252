import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import type { Role } from "../platform/auth/permissions.ts";
import { startClockAt } from "../platform/clock.ts";
import type { InvestigationOut } from "./contract.ts";

let t: TestApp;
let tenantId: string;
let manager: Client;
let city: Client;
let staff: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-08-10T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  const client = (role: Role) => signedInAs(t, tenantId, role);
  manager = await client("manager");
  city = await client("city");
  staff = await client("staff");
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("investigations (仕様 9)", () => {
  it("are asked by the city, answered by the manager, closed by the city; each step audited", async () => {
    const body = {
      subject: "7月27日の待ち時間について",
      details: "待ち時間が長くなった理由と、当日の人員配置を説明してください。",
      period: "2026-07-27",
      dueDate: "2026-08-17",
    };
    expect((await manager.request("POST", "/api/v1/investigations", body)).statusCode).toBe(403);
    const late = await city.request("POST", "/api/v1/investigations", {
      ...body,
      dueDate: "2026-08-01",
    });
    expect(late.json().code).toBe("due_date_past");
    const made = await city.request("POST", "/api/v1/investigations", body);
    expect(made.statusCode, made.body).toBe(201);
    const asked = made.json() as InvestigationOut;
    expect(asked).toMatchObject({ status: "open", overdue: false, period: "2026-07-27" });
    const early = await city.request(
      "POST",
      `/api/v1/investigations/${asked.investigationId}/close`,
    );
    expect(early.json().code).toBe("investigation_unanswered");
    expect(
      (
        await staff.request("POST", `/api/v1/investigations/${asked.investigationId}/answer`, {
          answer: "x",
        })
      ).statusCode,
    ).toBe(403);
    const answered = await manager.request(
      "POST",
      `/api/v1/investigations/${asked.investigationId}/answer`,
      { answer: "月曜日で来庁者が多く、休憩の重なりがありました。勤務表を添付します。" },
    );
    expect(answered.json()).toMatchObject({ status: "answered" });
    const closed = await city.request(
      "POST",
      `/api/v1/investigations/${asked.investigationId}/close`,
    );
    expect(closed.json()).toMatchObject({ status: "closed" });
    const again = await manager.request(
      "POST",
      `/api/v1/investigations/${asked.investigationId}/answer`,
      { answer: "追記" },
    );
    expect(again.json().code).toBe("investigation_closed");
    // Overdue: unanswered past its date.
    await city.request("POST", "/api/v1/investigations", { ...body, dueDate: "2026-08-10" });
    startClockAt(new Date("2026-08-12T10:00:00+09:00"));
    // Two days on, with a session of that day.
    const lead = await signedInAs(t, tenantId, "deputy");
    const read = await lead.request("GET", "/api/v1/investigations");
    expect(read.statusCode, read.body).toBe(200);
    const list = read.json() as InvestigationOut[];
    expect(list.map((i) => [i.status, i.overdue])).toEqual([
      ["open", true],
      ["closed", false],
    ]);
    for (const action of ["investigation.request", "investigation.answer", "investigation.close"])
      expect(
        (await listAuditEvents(t.database.db, tenantId, { limit: 5, action })).length,
      ).toBeGreaterThan(0);
  });
});
