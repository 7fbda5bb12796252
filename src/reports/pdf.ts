import { localDate, localTime } from "../platform/clock.ts";
import { FlowDocument } from "../platform/documents/flow.ts";
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from "./contract.ts";
import type { DailyFigures } from "./daily.ts";
import type { ReportDocument } from "./document.ts";
import { inCategoryOrder, inOrderOf, type MonthlyFigures } from "./monthly.ts";

/** 日次報告書・月次業務完了報告書 as A4 PDF: Japanese headings, tables, page numbers. */

const WEEKDAYS = "日月火水木金土";
export const dayLabel = (date: string) =>
  `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;
export const periodLabel = (kind: "daily" | "monthly", period: string) =>
  kind === "daily"
    ? `${period.slice(0, 4)}年${dayLabel(period)}`
    : `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const min = (m: number) => `${m.toFixed(1)}分`;
const hhmm = (iso: string) => localTime(new Date(iso));

export async function reportPdf(report: ReportDocument): Promise<Uint8Array> {
  const kindLabel = REPORT_KIND_LABELS[report.kind].ja;
  const flow = await FlowDocument.create(
    `${kindLabel} ${report.period}`,
    `${report.office}　${kindLabel}　${report.period}`,
  );
  const state = report.version
    ? `第${report.version.version}版　${REPORT_STATUS_LABELS[report.version.status].ja}`
    : "下書き（未提出）";
  flow.title(
    `マイナンバーカード専用窓口業務 ${kindLabel}`,
    `${report.office}　${periodLabel(report.kind, report.period)}　${state}`,
  );
  if (report.kind === "daily") daily(flow, report.figures, report.labels);
  else monthly(flow, report.figures, report.labels);
  flow.heading("業務管理者所見");
  flow.paragraph(report.version?.remarks || "（記載なし）");
  if (report.version) {
    flow.heading(report.kind === "daily" ? "提出と市の確認" : "提出と市の検査");
    flow.pairs([
      ["提出", `${hhmmDate(report.version.submittedAt)}　${report.version.submittedByName}`],
      [
        "市の判断",
        report.version.decidedAt
          ? `${REPORT_STATUS_LABELS[report.version.status].ja}　${hhmmDate(report.version.decidedAt)}　${report.version.decidedByName ?? ""}`
          : "確認待ち",
      ],
    ]);
    if (report.version.comment) flow.paragraph(`市のコメント：${report.version.comment}`);
  }
  return flow.save();
}

const hhmmDate = (iso: string) => `${localDate(new Date(iso))} ${localTime(new Date(iso))}`;

type Labels = ReportDocument["labels"];

function daily(flow: FlowDocument, f: DailyFigures, labels: Labels) {
  flow.heading("来庁者と手続の件数");
  flow.pairs([
    [
      "来庁者（発券）",
      `${f.visits.people}人（うち予約 ${f.visits.booked}人・当日 ${f.visits.walkIns}人）`,
    ],
    ["対応終了", `${f.visits.served}人　不在 ${f.visits.noShow}人　取消 ${f.visits.cancelled}人`],
    [
      "カード（事務処理）",
      f.backOffice
        ? `受領 ${f.backOffice.received}枚・交付前設定 ${f.backOffice.setUp}枚・交付 ${f.backOffice.handedOver}枚`
        : "—",
    ],
  ]);
  const rows = inOrderOf(Object.keys(labels.procedures), f.counter).map(([code, o]) => [
    labels.procedures[code] ?? code,
    String(o.completed),
    String(o.notCompleted),
    String(o.completed + o.notCompleted),
  ]);
  const sum = (k: "completed" | "notCompleted") =>
    Object.values(f.counter).reduce((s, o) => s + o[k], 0);
  rows.push([
    "計",
    String(sum("completed")),
    String(sum("notCompleted")),
    String(sum("completed") + sum("notCompleted")),
  ]);
  flow.table(
    [
      { title: "手続", width: 4 },
      { title: "完了", width: 1.5, align: "right" },
      { title: "未完了", width: 1.5, align: "right" },
      { title: "計", width: 1.5, align: "right" },
    ],
    rows,
    { boldLast: true },
  );
  const reasons = Object.entries(f.notCompletedReasons);
  if (reasons.length > 0)
    flow.table(
      [
        { title: "未完了の理由", width: 4 },
        { title: "件数", width: 1.5, align: "right" },
      ],
      reasons.map(([r, n]) => [labels.reasons[r] ?? r, String(n)]),
    );
  flow.heading("予約");
  flow.pairs([
    ["予約", `${f.reservations.booked}件`],
    ["来庁（受付済）", `${f.reservations.checkedIn}件`],
    ["不来所", `${f.reservations.noShow}件`],
    ["取消", `${f.reservations.cancelled}件`],
  ]);
  flow.heading("待ち時間（発券から呼出まで）");
  flow.table(
    [
      { title: "区分", width: 3 },
      { title: "人数", width: 1, align: "right" },
      { title: "平均", width: 1.2, align: "right" },
      { title: "90%値", width: 1.2, align: "right" },
      { title: "最大", width: 1.2, align: "right" },
      { title: `${f.target.minutes}分以内`, width: 1.4, align: "right" },
    ],
    [
      ...f.waiting.groups.map((g) => [
        labels.groups[g.groupCode] ?? g.groupCode,
        String(g.people),
        min(g.meanMinutes),
        min(g.p90Minutes),
        min(g.maxMinutes),
        pct(g.withinTarget),
      ]),
      [
        "全体",
        String(f.waiting.all.people),
        min(f.waiting.all.meanMinutes),
        min(f.waiting.all.p90Minutes),
        min(f.waiting.all.maxMinutes),
        pct(f.waiting.all.withinTarget),
      ],
    ],
    { boldLast: true },
  );
  flow.paragraph(
    f.longestQueue
      ? `最も長い待ち行列：${f.longestQueue.people}人（${hhmm(f.longestQueue.at)}）　目標：${pct(f.target.share)}を${f.target.minutes}分以内に呼出`
      : "待ち行列はありませんでした。",
  );
  flow.heading("人員配置");
  flow.paragraph(
    `従事者 ${f.staffing.people}人　${f.staffing.leadAlwaysPresent ? "業務管理者または副管理者が全時間帯に在席" : "業務管理者・副管理者とも不在の時間帯あり"}`,
  );
  flow.table(
    [
      { title: "時間帯", width: 2 },
      { title: "配置人数", width: 1.2, align: "right" },
      { title: "業務管理者", width: 1.4 },
      { title: "副管理者", width: 1.4 },
    ],
    f.staffing.hours.map((h) => [
      `${h.from}–${h.to}`,
      String(h.people),
      h.managerOnDuty ? "在席" : "—",
      h.deputyOnDuty ? "在席" : "—",
    ]),
  );
  flow.heading("電話対応");
  flow.paragraph(
    `${f.phone.calls}件　` +
      Object.entries(f.phone.byOutcome)
        .map(([k, n]) => `${labels.callOutcomes[k] ?? k} ${n}件`)
        .join("・"),
  );
  if (f.phone.calls > 0)
    flow.paragraph(
      `区分別：${Object.entries(f.phone.byCategory)
        .map(([k, n]) => `${labels.callCategories[k] ?? k} ${n}件`)
        .join("・")}`,
    );
  flow.heading("機器の不具合・事故");
  const events = [...f.equipmentTrouble, ...f.incidents];
  flow.paragraph(
    events.length === 0 ? "なし" : events.map((e) => `${hhmm(e.at)} ${e.summary}`).join("\n"),
  );
}

function monthly(flow: FlowDocument, f: MonthlyFigures, labels: Labels) {
  flow.heading("業務実績（仕様書8(5)の区分）");
  const cats = inCategoryOrder(f.totals);
  const total = (k: "completed" | "notCompleted") => cats.reduce((s, [, o]) => s + o[k], 0);
  flow.table(
    [
      { title: "区分", width: 4 },
      { title: "完了", width: 1.5, align: "right" },
      { title: "未完了", width: 1.5, align: "right" },
      { title: "計", width: 1.5, align: "right" },
    ],
    [
      ...cats.map(([c, o]) => [
        labels.categories[c] ?? c,
        String(o.completed),
        String(o.notCompleted),
        String(o.completed + o.notCompleted),
      ]),
      [
        "計",
        String(total("completed")),
        String(total("notCompleted")),
        String(total("completed") + total("notCompleted")),
      ],
    ],
    { boldLast: true },
  );
  flow.heading("待ち時間とサービス水準");
  flow.pairs([
    ["目標", `${pct(f.serviceLevel.target)}を${f.serviceLevel.targetMinutes}分以内に呼出`],
    [
      "達成",
      `${pct(f.serviceLevel.attained)}（${f.serviceLevel.met ? "達成" : "未達"}）　目標を満たした日 ${f.serviceLevel.daysMet} / ${f.serviceLevel.days}日`,
    ],
    [
      "待ち時間",
      `平均 ${min(f.waiting.meanMinutes)}　90%値 ${min(f.waiting.p90Minutes)}　最大 ${min(f.waiting.maxMinutes)}（${f.waiting.people}人）`,
    ],
    [
      "予約",
      `${f.reservations.booked}件（来庁 ${f.reservations.checkedIn}・不来所 ${f.reservations.noShow}・取消 ${f.reservations.cancelled}）`,
    ],
    ["勤務時間（名簿の勤務予定）", `${f.staffing.paidHours.toFixed(1)}時間`],
    [
      "管理者・副管理者の不在時間帯がある日",
      f.staffing.daysWithoutLead.length === 0
        ? "なし"
        : f.staffing.daysWithoutLead.map(dayLabel).join("、"),
    ],
  ]);
  flow.heading("日別実績");
  flow.table(
    [
      { title: "日付", width: 2.2 },
      { title: "来庁者", width: 1.1, align: "right" },
      { title: "完了", width: 1, align: "right" },
      { title: "未完了", width: 1.1, align: "right" },
      { title: "電話", width: 1, align: "right" },
      { title: "平均待ち", width: 1.3, align: "right" },
      { title: "90%値", width: 1.3, align: "right" },
      { title: "目標内", width: 1.2, align: "right" },
      { title: "配置", width: 0.9, align: "right" },
    ],
    f.days.map((d) => [
      dayLabel(d.date),
      String(d.people),
      String(d.completed),
      String(d.notCompleted),
      String(d.phoneCalls),
      min(d.meanWaitMinutes),
      min(d.p90WaitMinutes),
      pct(d.withinTarget),
      String(d.staffOnDuty),
    ]),
    { size: 8 },
  );
  flow.heading("研修の実施");
  flow.paragraph(
    f.training.length === 0
      ? "なし"
      : f.training.map((t) => `${t.heldOn}　${t.title}（${t.attendees}人）`).join("\n"),
  );
  flow.heading("従事者名簿の変更");
  flow.paragraph(
    f.rosterChanges.length === 0
      ? "なし"
      : f.rosterChanges.map((c) => `${hhmmDate(c.at).slice(0, 10)}　${c.summary}`).join("\n"),
  );
  flow.heading("事故・トラブル");
  flow.paragraph(f.incidents.length === 0 ? "なし" : f.incidents.map((i) => i.summary).join("\n"));
  flow.heading("業務改善提案");
  flow.paragraph(f.proposals.length === 0 ? "なし" : f.proposals.map((p) => p.summary).join("\n"));
}
