import ExcelJS from "exceljs";
import type { StaffingPlanOut } from "./contract.ts";

/**
 * The plan as a workbook for the office: 勤務表 (people × days, each cell the shift and its
 * break), 必要人数 (every half hour: required and scheduled, with totals as formulas), and 概要
 * (the figures). Japanese headings, A4 landscape, headings repeated on every printed page.
 */
export async function planWorkbook(plan: StaffingPlanOut, office: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "madoguchi";
  const days = [...new Set(plan.intervals.map((i) => i.start.slice(0, 10)))];
  const a4 = (sheet: ExcelJS.Worksheet, lastColumn: string, rows: number) => {
    sheet.pageSetup = {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: `A1:${lastColumn}${rows}`,
      printTitlesRow: "1:2",
    };
  };

  const roster = book.addWorksheet("勤務表");
  roster.addRow([`${office} 勤務表 ${plan.month}`]);
  roster.addRow([
    "氏名",
    ...days.map((d) => `${Number(d.slice(5, 7))}/${Number(d.slice(8))}`),
    "計（時間）",
  ]);
  for (const person of plan.people) {
    const mine = plan.shifts.filter((s) => s.personId === person.id);
    if (mine.length === 0) continue;
    const row = roster.addRow([
      person.name,
      ...days.map((d) => {
        const s = mine.find((x) => x.date === d);
        if (!s) return "";
        return s.breakStart
          ? `${s.start}–${s.end}（休 ${s.breakStart}–${s.breakEnd}）`
          : `${s.start}–${s.end}`;
      }),
      mine.reduce((sum, s) => sum + s.paidHours, 0),
    ]);
    row.getCell(1).font = { bold: person.lead };
  }
  roster.getColumn(1).width = 14;
  for (let c = 2; c <= days.length + 1; c++) roster.getColumn(c).width = 24;
  roster.getRow(2).font = { bold: true };
  const rosterLast = roster.getColumn(days.length + 2).letter;
  a4(roster, rosterLast, roster.rowCount);

  const need = book.addWorksheet("必要人数");
  need.addRow([`${office} 必要人数と配置人数 ${plan.month}`]);
  need.addRow([
    "日付",
    "時刻",
    "来庁（見込み）",
    "窓口 必要",
    "窓口 配置",
    "電話 必要",
    "電話 配置",
    "交付前設定",
  ]);
  for (const i of plan.intervals)
    need.addRow([
      i.start.slice(0, 10),
      i.start.slice(11, 16),
      Math.round(i.arrivals * 10) / 10,
      i.counterRequired,
      i.counterScheduled,
      i.phoneRequired,
      i.phoneScheduled,
      i.setupRequired,
    ]);
  const last = need.rowCount;
  // Totals as formulas, so the sheet stays right if someone corrects a figure by hand.
  const total = need.addRow([
    "合計",
    "",
    ...["C", "D", "E", "F", "G", "H"].map((c) => ({ formula: `SUM(${c}3:${c}${last})` })),
  ]);
  total.font = { bold: true };
  need.getRow(2).font = { bold: true };
  need.columns.forEach((column) => {
    column.width = 14;
  });
  a4(need, "H", need.rowCount);

  const summary = book.addWorksheet("概要");
  summary.addRows([
    [`${office} 要員計画 ${plan.month}`],
    ["項目", "値"],
    ["勤務時間（人時）", plan.staffHours],
    ["下限（人時）", Math.round(plan.lowerBoundHours * 10) / 10],
    ["差（%）", Math.round(plan.gapPercent * 100) / 100],
    ["ピーク固定配置（人時）", plan.baselineStaffHours],
    ["削減（%）", Math.round(plan.savingPercent * 10) / 10],
    [
      `${plan.targets.counterWaitMinutes}分以内に呼出（シミュレーション）`,
      plan.simulated.serviceLevel,
    ],
    ["95%区間 下限", plan.simulated.ciLow],
    ["95%区間 上限", plan.simulated.ciHigh],
    ["目標", plan.targets.counterServiceLevel],
    ["平均待ち時間（分）", Math.round(plan.simulated.meanWaitMinutes * 10) / 10],
  ]);
  for (const r of [8, 9, 10, 11]) summary.getCell(`B${r}`).numFmt = "0.0%";
  summary.getColumn(1).width = 34;
  summary.getColumn(2).width = 14;
  summary.getRow(2).font = { bold: true };
  a4(summary, "B", summary.rowCount);
  return Buffer.from(await book.xlsx.writeBuffer());
}
