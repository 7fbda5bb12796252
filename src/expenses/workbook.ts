import ExcelJS from "exceljs";
import { EMPLOYMENT_LABELS } from "../roster/rules.ts";
import { EXPENSE_CATEGORY_LABELS, type LedgerOut } from "./contract.ts";

/** 帳簿 as a workbook: staff costs and other expenses, each with formula totals, A4. */
export async function ledgerWorkbook(ledger: LedgerOut, office: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "madoguchi";
  book.calcProperties = { fullCalcOnLoad: true };
  const sheet = book.addWorksheet("帳簿");
  sheet.addRow([`${office} 帳簿（委託料の使途） ${ledger.month}`]).font = { bold: true, size: 13 };
  sheet.addRow([`保存期限 ${ledger.retainUntil}`]);
  sheet.addRow([
    "人件費（勤務予定の時間×単価）",
    "雇用形態",
    "時間",
    "単価（円）",
    "金額（円）",
  ]).font = { bold: true };
  const firstStaff = sheet.rowCount + 1;
  for (const p of ledger.staff) {
    const r = sheet.addRow([
      p.name,
      EMPLOYMENT_LABELS[p.employment as "regular"]?.ja ?? p.employment,
      p.hours,
      p.rate,
    ]);
    r.getCell(5).value = { formula: `ROUND(C${r.number}*D${r.number},0)`, result: p.amount };
  }
  const staffTotal = sheet.addRow(["人件費 計"]);
  staffTotal.getCell(5).value = {
    formula: ledger.staff.length ? `SUM(E${firstStaff}:E${sheet.rowCount - 1})` : "0",
    result: ledger.staffTotal,
  };
  staffTotal.font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(["その他の経費", "区分", "記帳日", "記帳者", "金額（円）"]).font = { bold: true };
  const firstEntry = sheet.rowCount + 1;
  for (const e of ledger.entries)
    sheet.addRow([
      e.description,
      EXPENSE_CATEGORY_LABELS[e.category].ja,
      e.recordedAt.slice(0, 10),
      e.recordedByName,
      e.amount,
    ]);
  const entriesTotal = sheet.addRow(["その他の経費 計"]);
  entriesTotal.getCell(5).value = {
    formula: ledger.entries.length ? `SUM(E${firstEntry}:E${sheet.rowCount - 1})` : "0",
    result: ledger.entriesTotal,
  };
  entriesTotal.font = { bold: true };
  const total = sheet.addRow(["合計"]);
  total.getCell(5).value = {
    formula: `E${staffTotal.number}+E${entriesTotal.number}`,
    result: ledger.total,
  };
  total.font = { bold: true };
  sheet.getColumn(1).width = 34;
  for (const c of [2, 3, 4]) sheet.getColumn(c).width = 14;
  sheet.getColumn(5).width = 16;
  sheet.pageSetup = {
    paperSize: 9,
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:E${sheet.rowCount}`,
    printTitlesRow: "1:2",
  };
  return Buffer.from(await book.xlsx.writeBuffer());
}
