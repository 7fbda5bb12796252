import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { makeHistory } from "../demo/history.ts";
import { seedDemoRoster } from "../demo/roster.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import type { Role } from "../platform/auth/permissions.ts";
import { startClockAt } from "../platform/clock.ts";
import { transaction } from "../platform/db/index.ts";
import type { MonthlyReportOut, ReportVersion } from "../reports/contract.ts";
import { DEMO_TERMS, paymentAmount } from "./amounts.ts";
import type { PaymentMonth, PaymentOverview } from "./contract.ts";

let t: TestApp;
let tenantId: string;
let manager: Client;
let city: Client;
let staff: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-03-10T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  await transaction(t.database.db, (tx) => seedDemoRoster(tx, tenantId, new Map()));
  await makeHistory(t.database, tenantId, { from: "2026-02-26", to: "2026-02-27", seed: 5 });
  const client = (role: Role) => signedInAs(t, tenantId, role);
  manager = await client("manager");
  city = await client("city");
  staff = await client("staff");
}, 180_000);
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

const february = (o: PaymentOverview) => o.months.find((m) => m.month === "2026-02")!;

describe("payments", () => {
  it("take the contract's terms from the city, checked", async () => {
    expect((await manager.request("PUT", "/api/v1/payments/terms", DEMO_TERMS)).statusCode).toBe(
      403,
    );
    const twice = await city.request("PUT", "/api/v1/payments/terms", {
      ...DEMO_TERMS,
      schedule: [...DEMO_TERMS.schedule, { month: "2027-02", kind: "completion" }],
    });
    expect(twice.json().code).toBe("schedule_invalid");
    const set = await city.request("PUT", "/api/v1/payments/terms", DEMO_TERMS);
    expect(set.statusCode, set.body).toBe(200);
    const overview = (await manager.request("GET", "/api/v1/payments")).json() as PaymentOverview;
    expect(overview.months).toHaveLength(12);
    expect(overview.months.filter((m) => m.kind === "completion").map((m) => m.month)).toEqual([
      "2027-01",
    ]);
    expect(february(overview)).toMatchObject({
      status: "pending",
      reportStatus: "draft",
      amount: null,
    });
  });

  it("are claimed only for a month the city accepted, once, at the inspected amount; the city pays and sees the invoice", async () => {
    const early = await manager.request("POST", "/api/v1/payments/2026-02/claim");
    expect(early.json().code).toBe("report_not_accepted");
    const submitted = (
      await manager.request("POST", "/api/v1/reports/monthly/2026-02/submit", { remarks: "" })
    ).json() as ReportVersion;
    expect((await manager.request("POST", "/api/v1/payments/2026-02/claim")).json().code).toBe(
      "report_not_accepted",
    );
    await city.request("POST", `/api/v1/reports/${submitted.reportId}/decision`, {
      decision: "accept",
    });
    const report = (
      await city.request("GET", "/api/v1/reports/monthly/2026-02")
    ).json() as MonthlyReportOut;
    const inspected = Object.fromEntries(
      Object.entries(report.versions[0]!.figures.totals).map(([k, v]) => [k, v.completed]),
    );
    const expected = paymentAmount(DEMO_TERMS, inspected);
    const claimable = february((await city.request("GET", "/api/v1/payments")).json());
    expect(claimable).toMatchObject({ status: "claimable", amount: expected });

    expect((await staff.request("POST", "/api/v1/payments/2026-02/claim")).statusCode).toBe(403);
    expect((await city.request("POST", "/api/v1/payments/2026-02/claim")).statusCode).toBe(403);
    const claim = await manager.request("POST", "/api/v1/payments/2026-02/claim");
    expect(claim.statusCode, claim.body).toBe(201);
    const claimed = claim.json() as PaymentMonth;
    expect(claimed).toMatchObject({
      status: "claimed",
      invoiceNumber: `${tenantId.toUpperCase()}-202602`,
    });
    expect(claimed.amount!.total).toBe(expected.total);
    expect(claimed.amount!.total).toBe(expected.taxable + Math.floor(expected.taxable / 10));
    const again = await manager.request("POST", "/api/v1/payments/2026-02/claim");
    expect(again.json().code).toBe("already_claimed");
    expect((await manager.request("POST", "/api/v1/payments/2026-03/claim")).json().code).toBe(
      "report_not_accepted",
    );
    expect((await manager.request("POST", "/api/v1/payments/2025-11/claim")).statusCode).toBe(404);

    const invoice = await city.request("GET", "/api/v1/payments/2026-02/invoice.pdf");
    expect(invoice.statusCode).toBe(200);
    expect(invoice.headers["content-type"]).toBe("application/pdf");
    expect(invoice.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await manager.request("POST", "/api/v1/payments/2026-02/paid")).statusCode).toBe(403);
    const paid = await city.request("POST", "/api/v1/payments/2026-02/paid");
    expect(paid.json()).toMatchObject({ status: "paid" });
    expect((await city.request("POST", "/api/v1/payments/2026-02/paid")).json().code).toBe(
      "already_paid",
    );
    const overview = (await city.request("GET", "/api/v1/payments")).json() as PaymentOverview;
    expect(overview.paidTotal).toBe(expected.total);
    expect(february(overview).status).toBe("paid");
    expect(overview.months.filter((m) => m.status === "pending")).toHaveLength(11);
    for (const action of [
      "payment.terms_update",
      "payment.claim",
      "payment.record",
      "payment.invoice",
    ])
      expect(
        (await listAuditEvents(t.database.db, tenantId, { limit: 5, action })).length,
        action,
      ).toBe(1);
  });
});
