import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { seedDemoRoster } from "../demo/roster.ts";
import type { Role } from "../platform/auth/permissions.ts";
import { startClockAt } from "../platform/clock.ts";
import { transaction } from "../platform/db/index.ts";
import type { LedgerOut } from "./contract.ts";

let t: TestApp;
let tenantId: string;
let manager: Client;
let city: Client;
let staff: Client;
beforeAll(async () => {
  // The demo roster comes with the leads' shifts for two weeks from "today".
  startClockAt(new Date("2026-08-03T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  await transaction(t.database.db, (tx) => seedDemoRoster(tx, tenantId, new Map()));
  const client = (role: Role) => signedInAs(t, tenantId, role);
  manager = await client("manager");
  city = await client("city");
  staff = await client("staff");
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("the books (帳簿, 仕様 14)", () => {
  it("cost the roster's hours at the employment type's rate, take entries and corrections, and export", async () => {
    const first = (await city.request("GET", "/api/v1/expenses/2026-08")).json() as LedgerOut;
    expect(first.staff.map((p) => p.name).sort()).toEqual(["副管理 次郎", "管理 一郎"]);
    for (const p of first.staff) {
      expect(p.employment).toBe("regular");
      expect(p.rate).toBe(first.rates.regular);
      expect(p.amount).toBe(Math.round(p.hours * p.rate));
    }
    expect(first.staffTotal).toBeGreaterThan(0);
    expect(first.retainUntil).toBe("2032-03-31");
    const entry = { category: "consumables", description: "用紙・トナー", amount: 38_500 };
    expect(
      (await staff.request("POST", "/api/v1/expenses/2026-08/entries", entry)).statusCode,
    ).toBe(403);
    expect((await city.request("POST", "/api/v1/expenses/2026-08/entries", entry)).statusCode).toBe(
      403,
    );
    expect(
      (await manager.request("POST", "/api/v1/expenses/2026-08/entries", entry)).statusCode,
    ).toBe(201);
    const corrected = await manager.request("POST", "/api/v1/expenses/2026-08/entries", {
      category: "consumables",
      description: "訂正：トナー単価の誤り",
      amount: -1_100,
    });
    const ledger = corrected.json() as LedgerOut;
    expect(ledger.entries.map((e) => e.amount)).toEqual([38_500, -1_100]);
    expect(ledger.entriesTotal).toBe(37_400);
    expect(ledger.total).toBe(ledger.staffTotal + 37_400);
    // Staff costs follow the rates the manager sets.
    await manager.request("PUT", "/api/v1/expenses/rates", { ...ledger.rates, regular: 4_000 });
    const dearer = (await manager.request("GET", "/api/v1/expenses/2026-08")).json() as LedgerOut;
    expect(dearer.staff[0]!.rate).toBe(4_000);
    const xlsx = await city.request("GET", "/api/v1/expenses/2026-08/ledger.xlsx");
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("帳簿")!;
    const totalRow = sheet.getRow(sheet.rowCount);
    expect(totalRow.getCell(1).value).toBe("合計");
    expect(totalRow.getCell(5).value).toMatchObject({ result: dearer.total });
  });
});
