import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
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
import { queryRows, transaction } from "../platform/db/index.ts";
import type { DailyReportOut, DashboardOut, MonthlyReportOut, ReportVersion } from "./contract.ts";
import { inCategoryOrder } from "./monthly.ts";

const DAYS = ["2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27"];
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
  await makeHistory(t.database, tenantId, { from: DAYS[0], to: DAYS.at(-1), seed: 11 });
  const client = (role: Role) => signedInAs(t, tenantId, role);
  manager = await client("manager");
  city = await client("city");
  staff = await client("staff");
}, 180_000);
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

interface Count {
  code: string;
  completed: number;
  not_completed: number;
}

describe("the daily and monthly reports", () => {
  it("count what the service records hold, for every procedure and day", async () => {
    for (const day of DAYS) {
      const res = await manager.request("GET", `/api/v1/reports/daily/${day}`);
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json() as DailyReportOut;
      const draft = report.draft!;
      const counted = await queryRows<Count>(
        t.database.db,
        sql`select procedure_code as code,
              count(*) filter (where outcome = 'completed')::int as completed,
              count(*) filter (where outcome <> 'completed')::int as not_completed
            from service_records
            where tenant_id = ${tenantId} and service_day = ${day} and channel = 'counter'
            group by procedure_code`,
      );
      expect(counted.length).toBeGreaterThan(2);
      for (const c of counted)
        expect(draft.counter[c.code], `${day} ${c.code}`).toEqual({
          completed: c.completed,
          notCompleted: c.not_completed,
        });
      expect(Object.keys(draft.counter).sort()).toEqual(counted.map((c) => c.code).sort());
      const [calls] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from service_records
            where tenant_id = ${tenantId} and service_day = ${day} and channel = 'phone'`,
      );
      expect(draft.phone.calls).toBe(calls!.n);
      const [tickets] = await queryRows<{ n: number; mean: number; max: number }>(
        t.database.db,
        sql`select count(*)::int as n,
              avg(extract(epoch from called_at - greatest(issued_at, coalesce(reserved_for, issued_at))) / 60)::float as mean,
              max(extract(epoch from called_at - greatest(issued_at, coalesce(reserved_for, issued_at))) / 60)::float as max
            from tickets where tenant_id = ${tenantId} and service_day = ${day}`,
      );
      expect(draft.visits.people).toBe(tickets!.n);
      expect(draft.waiting.all.meanMinutes).toBeCloseTo(tickets!.mean, 1);
      expect(draft.waiting.all.maxMinutes).toBeCloseTo(tickets!.max, 1);
      // Staffed by the published roster, with the manager or the deputy in every open hour.
      expect(draft.staffing.people).toBeGreaterThan(3);
      expect(draft.staffing.hours.length).toBeGreaterThan(7);
    }
    const res = await manager.request("GET", "/api/v1/reports/monthly/2026-02");
    const month = (res.json() as MonthlyReportOut).draft!;
    const byCategory = await queryRows<Count>(
      t.database.db,
      sql`select p.report_category as code,
            count(*) filter (where r.outcome in ('completed', 'answered', 'transferred_to_city'))::int as completed,
            count(*) filter (where r.outcome not in ('completed', 'answered', 'transferred_to_city'))::int as not_completed
          from service_records r join procedures p
            on p.tenant_id = r.tenant_id and p.code = r.procedure_code
          where r.tenant_id = ${tenantId} and r.service_day between '2026-02-01' and '2026-02-28'
          group by p.report_category`,
    );
    for (const c of byCategory)
      expect(month.totals[c.code], c.code).toEqual({
        completed: c.completed,
        notCompleted: c.not_completed,
      });
    // Every open day of the month is listed, the unserved ones with nothing.
    expect(month.days.filter((d) => d.people > 0).map((d) => d.date)).toEqual(DAYS);
    expect(month.staffing.paidHours).toBeGreaterThan(100);
  }, 60_000);

  it("go to the city: submitted, returned with a comment, submitted again, accepted; every version kept", async () => {
    expect((await staff.request("GET", "/api/v1/reports/monthly/2026-02")).statusCode).toBe(403);
    const first = await manager.request("POST", "/api/v1/reports/monthly/2026-02/submit", {
      remarks: "2月は概ね順調でした。",
    });
    expect(first.statusCode, first.body).toBe(201);
    const v1 = first.json() as ReportVersion;
    expect(v1).toMatchObject({ version: 1, status: "submitted" });
    const again = await manager.request("POST", "/api/v1/reports/monthly/2026-02/submit", {
      remarks: "",
    });
    expect(again.json().code).toBe("report_pending");
    // The city sees what was submitted, never a draft.
    const seen = (
      await city.request("GET", "/api/v1/reports/monthly/2026-02")
    ).json() as MonthlyReportOut;
    expect(seen.draft).toBeNull();
    expect(seen.versions.map((v) => v.version)).toEqual([1]);
    expect(seen.versions[0]!.figures.totals.handover!.completed).toBeGreaterThan(0);
    const bare = await city.request("POST", `/api/v1/reports/${v1.reportId}/decision`, {
      decision: "return",
    });
    expect(bare.json().code).toBe("comment_required");
    expect(
      (
        await manager.request("POST", `/api/v1/reports/${v1.reportId}/decision`, {
          decision: "accept",
        })
      ).statusCode,
    ).toBe(403);
    const returned = await city.request("POST", `/api/v1/reports/${v1.reportId}/decision`, {
      decision: "return",
      comment: "研修の記載を追加してください。",
    });
    expect(returned.json()).toMatchObject({
      status: "returned",
      comment: "研修の記載を追加してください。",
    });
    const second = await manager.request("POST", "/api/v1/reports/monthly/2026-02/submit", {
      remarks: "研修：なし（3月に実施予定）。",
    });
    const v2 = second.json() as ReportVersion;
    expect(v2).toMatchObject({ version: 2, status: "submitted" });
    const accepted = await city.request("POST", `/api/v1/reports/${v2.reportId}/decision`, {
      decision: "accept",
    });
    expect(accepted.json()).toMatchObject({ status: "accepted" });
    const twice = await city.request("POST", `/api/v1/reports/${v2.reportId}/decision`, {
      decision: "accept",
    });
    expect(twice.json().code).toBe("report_not_pending");
    const after = await manager.request("POST", "/api/v1/reports/monthly/2026-02/submit", {
      remarks: "",
    });
    expect(after.json().code).toBe("report_accepted");
    const report = (
      await manager.request("GET", "/api/v1/reports/monthly/2026-02")
    ).json() as MonthlyReportOut;
    expect(report.status).toBe("accepted");
    expect(report.versions.map((v) => [v.version, v.status])).toEqual([
      [2, "accepted"],
      [1, "returned"],
    ]);
    const list = await city.request("GET", "/api/v1/reports?kind=monthly&from=2026-01&to=2026-12");
    expect(list.json()).toEqual([{ period: "2026-02", status: "accepted", version: 2 }]);
    for (const action of ["report.submit", "report.return", "report.accept"]) {
      const events = await listAuditEvents(t.database.db, tenantId, { limit: 10, action });
      expect(events.length, action).toBeGreaterThan(0);
    }
  });

  it("are only submitted for a day or month that is over, and a day's report is confirmed by the city", async () => {
    const early = await manager.request("POST", "/api/v1/reports/monthly/2026-03/submit", {
      remarks: "",
    });
    expect(early.json().code).toBe("period_not_over");
    const closed = await manager.request("POST", "/api/v1/reports/daily/2026-02-28/submit", {
      remarks: "",
    });
    expect(closed.json().code).toBe("not_a_service_day");
    const day = await manager.request("POST", "/api/v1/reports/daily/2026-02-26/submit", {
      remarks: "午後に混雑しました。",
    });
    expect(day.statusCode, day.body).toBe(201);
    const confirmed = await city.request(
      "POST",
      `/api/v1/reports/${(day.json() as ReportVersion).reportId}/decision`,
      { decision: "accept" },
    );
    expect(confirmed.json()).toMatchObject({ status: "accepted" });
    const seen = (
      await city.request("GET", "/api/v1/reports/daily/2026-02-26")
    ).json() as DailyReportOut;
    expect(seen.versions[0]!.remarks).toBe("午後に混雑しました。");
    expect(seen.versions[0]!.figures.visits.people).toBeGreaterThan(50);
  });

  it("come as a PDF that renders and a workbook whose totals are formulas that LibreOffice computes to the JSON's", async () => {
    const json = (
      await city.request("GET", "/api/v1/reports/monthly/2026-02")
    ).json() as MonthlyReportOut;
    const accepted = json.versions[0]!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-report-"));
    try {
      const pdf = await city.request("GET", "/api/v1/reports/monthly/2026-02/report.pdf");
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toContain("monthly-report-2026-02-v2.pdf");
      fs.writeFileSync(path.join(dir, "m.pdf"), pdf.rawPayload);
      const daily = await city.request("GET", "/api/v1/reports/daily/2026-02-26/report.pdf");
      fs.writeFileSync(path.join(dir, "d.pdf"), daily.rawPayload);
      for (const name of ["m", "d"]) {
        execFileSync("pdftoppm", [
          "-r",
          "30",
          "-png",
          path.join(dir, `${name}.pdf`),
          path.join(dir, name),
        ]);
        const pages = fs
          .readdirSync(dir)
          .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
        expect(pages.length, name).toBeGreaterThanOrEqual(1);
      }
      // The city has no draft to export: a month nobody submitted is not found for it.
      expect(
        (await city.request("GET", "/api/v1/reports/monthly/2026-01/report.pdf")).statusCode,
      ).toBe(404);

      const xlsx = await city.request("GET", "/api/v1/reports/monthly/2026-02/report.xlsx");
      expect(xlsx.statusCode).toBe(200);
      const file = path.join(dir, "m.xlsx");
      fs.writeFileSync(file, xlsx.rawPayload);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet("実績")!;
      const totalRow = sheet.getRow(12);
      expect(totalRow.getCell(1).value).toBe("計");
      expect((totalRow.getCell(2).value as { formula: string }).formula).toBe("SUM(B4:B11)");
      expect(sheet.pageSetup.printArea).toMatch(/^A1:G\d+$/);
      expect(sheet.pageSetup.paperSize).toBe(9);
      // LibreOffice opens it and computes the formulas; its figures are the JSON's.
      execFileSync(
        "soffice",
        [
          "--headless",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
          "--outdir",
          dir,
          file,
        ],
        { stdio: "ignore", timeout: 60_000 },
      );
      const rows = fs
        .readFileSync(path.join(dir, "m-実績.csv"), "utf8")
        .split("\n")
        .map((line) => line.split(","));
      const totals = accepted.figures.totals;
      // In the specification's order, as the workbook lists them.
      const categories = inCategoryOrder(totals).map(([code]) => code);
      categories.forEach((code, k) => {
        const row = rows[3 + k]!;
        expect(Number(row[1]), code).toBe(totals[code]!.completed);
        expect(Number(row[2]), code).toBe(totals[code]!.notCompleted);
        expect(Number(row[3]), code).toBe(totals[code]!.completed + totals[code]!.notCompleted);
      });
      const sum = rows[3 + categories.length]!;
      expect(sum[0]).toBe("計");
      expect(Number(sum[1])).toBe(Object.values(totals).reduce((s, o) => s + o.completed, 0));
      expect(Number(sum[2])).toBe(Object.values(totals).reduce((s, o) => s + o.notCompleted, 0));
      const days = fs.readFileSync(path.join(dir, "m-日別.csv"), "utf8").trim().split("\n");
      const last = days.at(-1)!.split(",");
      expect(last[0]).toBe("計");
      expect(Number(last[1])).toBe(accepted.figures.days.reduce((s, d) => s + d.people, 0));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("feed the dashboards: per day and per hour, the figures behind each chart as CSV", async () => {
    expect((await staff.request("GET", "/api/v1/dashboard")).statusCode).toBe(403);
    const res = await city.request("GET", "/api/v1/dashboard?from=2026-02-20&to=2026-02-28");
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json() as DashboardOut;
    // Open days only (the 23rd is 天皇誕生日, the 28th a Saturday), the unserved Friday with nothing.
    expect(data.days.map((d) => d.date)).toEqual(["2026-02-20", ...DAYS]);
    expect(data.days[0]!.people).toBe(0);
    const [tickets] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from tickets where tenant_id = ${tenantId}`,
    );
    expect(data.days.reduce((s, d) => s + d.people, 0)).toBe(tickets!.n);
    expect(data.hours.length).toBeGreaterThan(6);
    expect(data.hours.every((h) => h.hour >= 8 && h.hour <= 19)).toBe(true);
    expect(data.target).toEqual({ share: 0.8, minutes: 15 });
    const csv = await city.request(
      "GET",
      "/api/v1/dashboard/days.csv?from=2026-02-20&to=2026-02-28",
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^日付,来庁者,/);
    expect(lines).toHaveLength(6);
    expect(lines[2]!.split(",")[1]).toBe(String(data.days[1]!.people));
    const hours = await city.request(
      "GET",
      "/api/v1/dashboard/hours.csv?from=2026-02-20&to=2026-02-28",
    );
    expect(hours.body.trim().split("\r\n")).toHaveLength(data.hours.length + 1);
    const long = await city.request("GET", "/api/v1/dashboard?from=2026-01-01&to=2026-06-30");
    expect(long.json().code).toBe("range_invalid");
  });
});
