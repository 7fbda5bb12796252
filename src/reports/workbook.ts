import ExcelJS from "exceljs";
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from "./contract.ts";
import type { DailyFigures } from "./daily.ts";
import type { ReportDocument } from "./document.ts";
import { inCategoryOrder, inOrderOf, type MonthlyFigures } from "./monthly.ts";
import { periodLabel } from "./pdf.ts";

/**
 * A report as a workbook: real sheets, totals as formulas (a figure changed by hand changes its
 * total), Japanese headings, each sheet's print area set to A4 with its headings repeated.
 */
export async function reportWorkbook(report: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "madoguchi";
  // Formulas carry their results too; a spreadsheet recalculates them all the same on opening.
  book.calcProperties = { fullCalcOnLoad: true };
  const heading = `${report.office} ${REPORT_KIND_LABELS[report.kind].ja} ${periodLabel(report.kind, report.period)}`;
  const state = report.version
    ? `第${report.version.version}版 ${REPORT_STATUS_LABELS[report.version.status].ja}`
    : "下書き（未提出）";
  if (report.kind === "daily") daily(book, report.figures, report.labels, heading, state);
  else monthly(book, report.figures, report.labels, heading, state);
  const remarks = book.addWorksheet("所見");
  remarks.addRow(["業務管理者所見"]);
  remarks.addRow([report.version?.remarks || "（記載なし）"]);
  if (report.version?.comment) remarks.addRow(["市のコメント", report.version.comment]);
  remarks.getColumn(1).width = 80;
  a4(remarks, "B", remarks.rowCount, "portrait");
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Labels = ReportDocument["labels"];

function a4(
  sheet: ExcelJS.Worksheet,
  last: string,
  rows: number,
  orientation: "portrait" | "landscape",
) {
  sheet.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${last}${Math.max(rows, 1)}`,
    printTitlesRow: "1:2",
  };
}

/** A table of outcomes with a 計 column and a 計 row, both formulas; returns its last row. */
function outcomeTable(sheet: ExcelJS.Worksheet, title: string, rows: [string, number, number][]) {
  sheet.addRow([title, "完了", "未完了", "計"]).font = { bold: true };
  const first = sheet.rowCount + 1;
  for (const [name, completed, notCompleted] of rows) {
    const r = sheet.addRow([name, completed, notCompleted]);
    r.getCell(4).value = { formula: `B${r.number}+C${r.number}`, result: completed + notCompleted };
  }
  const last = sheet.rowCount;
  const total = sheet.addRow(["計"]);
  const sums = [1, 2, 3].map((k) =>
    rows.reduce((s, r) => s + (k === 3 ? r[1] + r[2] : (r[k] as number)), 0),
  );
  ["B", "C", "D"].forEach((col, k) => {
    total.getCell(col).value = {
      formula: `SUM(${col}${first}:${col}${last})`,
      result: sums[k]!,
    };
  });
  total.font = { bold: true };
}

function daily(
  book: ExcelJS.Workbook,
  f: DailyFigures,
  labels: Labels,
  heading: string,
  state: string,
) {
  const sheet = book.addWorksheet("日次報告書");
  sheet.addRow([heading]).font = { bold: true, size: 13 };
  sheet.addRow([state]);
  outcomeTable(
    sheet,
    "手続",
    inOrderOf(Object.keys(labels.procedures), f.counter).map(([code, o]) => [
      labels.procedures[code] ?? code,
      o.completed,
      o.notCompleted,
    ]),
  );
  sheet.addRow([]);
  sheet.addRow([
    "来庁者",
    f.visits.people,
    "うち予約",
    f.visits.booked,
    "不在",
    f.visits.noShow,
    "取消",
    f.visits.cancelled,
  ]);
  sheet.addRow([
    "予約",
    f.reservations.booked,
    "来庁",
    f.reservations.checkedIn,
    "不来所",
    f.reservations.noShow,
    "取消",
    f.reservations.cancelled,
  ]);
  if (f.backOffice)
    sheet.addRow([
      "カード（事務処理）",
      "",
      "受領",
      f.backOffice.received,
      "交付前設定",
      f.backOffice.setUp,
      "交付",
      f.backOffice.handedOver,
    ]);
  sheet.addRow([]);
  sheet.addRow([
    "待ち時間（分）",
    "人数",
    "平均",
    "90%値",
    "最大",
    `${f.target.minutes}分以内`,
  ]).font = { bold: true };
  for (const g of [...f.waiting.groups, { ...f.waiting.all, groupCode: "全体" }])
    sheet
      .addRow([
        labels.groups[g.groupCode] ?? g.groupCode,
        g.people,
        g.meanMinutes,
        g.p90Minutes,
        g.maxMinutes,
        g.withinTarget,
      ])
      .getCell(6).numFmt = "0.0%";
  sheet.addRow(["最長の待ち行列（人）", f.longestQueue?.people ?? 0]);
  sheet.addRow([]);
  sheet.addRow(["時間帯", "配置人数", "業務管理者", "副管理者"]).font = { bold: true };
  for (const h of f.staffing.hours)
    sheet.addRow([
      `${h.from}–${h.to}`,
      h.people,
      h.managerOnDuty ? "在席" : "—",
      h.deputyOnDuty ? "在席" : "—",
    ]);
  sheet.addRow([]);
  sheet.addRow(["電話対応（件）", f.phone.calls]).font = { bold: true };
  for (const [k, n] of Object.entries(f.phone.byOutcome))
    sheet.addRow([labels.callOutcomes[k] ?? k, n]);
  sheet.getColumn(1).width = 30;
  for (let c = 2; c <= 8; c++) sheet.getColumn(c).width = 11;
  a4(sheet, "H", sheet.rowCount, "portrait");
}

function monthly(
  book: ExcelJS.Workbook,
  f: MonthlyFigures,
  labels: Labels,
  heading: string,
  state: string,
) {
  const totals = book.addWorksheet("実績");
  totals.addRow([heading]).font = { bold: true, size: 13 };
  totals.addRow([state]);
  outcomeTable(
    totals,
    "区分",
    inCategoryOrder(f.totals).map(([c, o]) => [
      labels.categories[c] ?? c,
      o.completed,
      o.notCompleted,
    ]),
  );
  totals.addRow([]);
  const level = totals.addRow([
    "サービス水準",
    f.serviceLevel.attained,
    "目標",
    f.serviceLevel.target,
    "目標時間（分）",
    f.serviceLevel.targetMinutes,
  ]);
  level.getCell(2).numFmt = "0.0%";
  level.getCell(4).numFmt = "0.0%";
  totals.addRow([
    "待ち時間（分）",
    "平均",
    f.waiting.meanMinutes,
    "90%値",
    f.waiting.p90Minutes,
    "最大",
    f.waiting.maxMinutes,
  ]);
  totals.addRow(["勤務時間（時間）", f.staffing.paidHours]);
  totals.getColumn(1).width = 30;
  for (let c = 2; c <= 7; c++) totals.getColumn(c).width = 12;
  a4(totals, "G", totals.rowCount, "portrait");

  const days = book.addWorksheet("日別");
  days.addRow([heading]).font = { bold: true, size: 13 };
  days.addRow([
    "日付",
    "来庁者",
    "完了",
    "未完了",
    "電話",
    "平均待ち（分）",
    "90%値（分）",
    "目標内",
    "不来所",
    "配置人数",
    "管理者在席",
  ]).font = { bold: true };
  for (const d of f.days) {
    const r = days.addRow([
      d.date,
      d.people,
      d.completed,
      d.notCompleted,
      d.phoneCalls,
      d.meanWaitMinutes,
      d.p90WaitMinutes,
      d.withinTarget,
      d.noShows,
      d.staffOnDuty,
      d.leadAlwaysPresent ? "○" : "×",
    ]);
    r.getCell(8).numFmt = "0.0%";
  }
  const last = days.rowCount;
  const sum = days.addRow(["計"]);
  type Day = (typeof f.days)[number];
  const columns: [string, (d: Day) => number][] = [
    ["B", (d) => d.people],
    ["C", (d) => d.completed],
    ["D", (d) => d.notCompleted],
    ["E", (d) => d.phoneCalls],
    ["I", (d) => d.noShows],
  ];
  for (const [col, value] of columns)
    sum.getCell(col).value = {
      formula: `SUM(${col}3:${col}${last})`,
      result: f.days.reduce((s, d) => s + value(d), 0),
    };
  sum.font = { bold: true };
  days.getColumn(1).width = 12;
  for (let c = 2; c <= 11; c++) days.getColumn(c).width = 11;
  a4(days, "K", days.rowCount, "landscape");

  const notes = book.addWorksheet("研修・名簿・事故");
  notes.addRow(["研修の実施", "日付", "研修", "受講者"]).font = { bold: true };
  for (const t of f.training) notes.addRow(["", t.heldOn, t.title, t.attendees]);
  notes.addRow(["従事者名簿の変更"]).font = { bold: true };
  for (const c of f.rosterChanges) notes.addRow(["", c.at.slice(0, 10), c.summary]);
  notes.addRow(["事故・トラブル", f.incidents.length === 0 ? "なし" : ""]).font = { bold: true };
  for (const i of f.incidents) notes.addRow(["", i.at.slice(0, 10), i.summary]);
  notes.addRow(["業務改善提案", f.proposals.length === 0 ? "なし" : ""]).font = { bold: true };
  for (const p of f.proposals) notes.addRow(["", p.at.slice(0, 10), p.summary]);
  notes.getColumn(1).width = 20;
  notes.getColumn(3).width = 50;
  a4(notes, "D", notes.rowCount, "portrait");
}
