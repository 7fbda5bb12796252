import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  type TestApp,
} from "../../../test/factories.ts";
import { startClockAt } from "../clock.ts";

/** The city's audit trail: names, filters by period, category and actor, and the CSV export. */
let t: TestApp;
let tenantId: string;
let city: Client;
let admin: Client;
let adminId: string;
beforeAll(async () => {
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  city = await signInAs(t.app, tenantId, (await buildUser(t.database, tenantId, "city")).username);
  const adminUser = await buildUser(t.database, tenantId, "admin");
  adminId = adminUser.userId;
  admin = await signInAs(t.app, tenantId, adminUser.username);
  // A user whose display name starts like a spreadsheet formula.
  await admin.request("POST", "/api/v1/users", {
    username: "formula",
    displayName: "=HYPERLINK(1)",
    role: "kiosk",
    password: "long enough pw",
  });
  const signedIn = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { tenant: tenantId, username: "formula", password: "long enough pw" },
  });
  expect(signedIn.statusCode).toBe(200);
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("the audit trail for the city", () => {
  it("names who acted and filters by category, actor and period", async () => {
    const users = await city.request("GET", `/api/v1/audit/events?action=user&actorId=${adminId}`);
    expect(users.statusCode).toBe(200);
    const rows = users.json() as { action: string; actorName: string | null; actorId: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.action.startsWith("user.") && r.actorId === adminId)).toBe(true);
    expect(rows[0]!.actorName).toBe("試験 admin");

    const today = await city.request("GET", "/api/v1/audit/events?from=2026-08-04&to=2026-08-04");
    expect(today.json().length).toBeGreaterThan(0);
    const before = await city.request("GET", "/api/v1/audit/events?from=2026-08-01&to=2026-08-03");
    expect(before.json()).toEqual([]);
    const bad = await city.request("GET", "/api/v1/audit/events?from=2026-02-30");
    expect(bad.statusCode).toBe(422);
  });

  it("exports the filtered trail as CSV for Excel, spreadsheet formulas defused, and audits the export", async () => {
    const csv = await city.request("GET", "/api/v1/audit/events.csv?action=user");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.startsWith("\uFEFF番号,日時,操作者")).toBe(true);
    expect(csv.body).toContain("利用者の作成");
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const signIns = await city.request("GET", "/api/v1/audit/events.csv?action=auth");
    expect(signIns.body).toContain(`"'=HYPERLINK(1)"`);
    const exported = await city.request("GET", "/api/v1/audit/events?action=audit.export");
    expect(exported.json().length).toBe(2);
    expect((await admin.request("GET", "/api/v1/audit/events.csv")).statusCode).toBe(200);
  });
});
