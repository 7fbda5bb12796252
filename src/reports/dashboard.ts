import { addDays } from "../calendar/dates.ts";
import { localTime } from "../platform/clock.ts";
import { unprocessable } from "../platform/errors.ts";
import { type Ctx, requireAccess } from "../platform/operation.ts";
import { draftRange } from "./sources.ts";

/** The longest range a dashboard covers at once: a quarter. */
export const DASHBOARD_MAX_DAYS = 92;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
const hourOf = (at: Date) => Number(localTime(at).slice(0, 2));

/**
 * The dashboards of the manager and the city (仕様 8(2)ウ, 9): for each open day of a range,
 * volumes, waits and the service level against the target, no-shows and staff on duty; and
 * for each hour of the day, the people arriving against the staff there, averaged over the days.
 */
export async function dashboard(ctx: Ctx, range: { from: string; to: string }) {
  requireAccess(ctx, "report.read");
  const length = daysBetween(range.from, range.to);
  if (!(length >= 1 && length <= DASHBOARD_MAX_DAYS))
    throw unprocessable(
      "range_invalid",
      `期間は1日から${DASHBOARD_MAX_DAYS}日までで指定してください。`,
      `Choose a range of 1 to ${DASHBOARD_MAX_DAYS} days.`,
    );
  const { days, read } = await draftRange(ctx, range);
  const { tickets, target } = read;
  const counterDays = days.filter((d) => d.staffing.hours.length > 0 || d.visits.people > 0);
  const open = Math.max(1, counterDays.length);
  const hours: { hour: number; arrivals: number; staff: number }[] = [];
  for (let hour = 8; hour <= 19; hour++) {
    const arrivals = tickets.filter((t) => hourOf(t.issuedAt) === hour).length;
    const staff = counterDays.reduce((sum, d) => {
      const h = d.staffing.hours.find((x) => Number(x.from.slice(0, 2)) === hour);
      return sum + (h?.people ?? 0);
    }, 0);
    if (arrivals === 0 && staff === 0) continue;
    hours.push({
      hour,
      arrivals: Math.round((arrivals / open) * 10) / 10,
      staff: Math.round((staff / open) * 10) / 10,
    });
  }
  return {
    from: range.from,
    to: range.to,
    target,
    days: days.map((d) => ({
      date: d.date,
      people: d.visits.people,
      completed: Object.values(d.counter).reduce((s, o) => s + o.completed, 0),
      notCompleted: Object.values(d.counter).reduce((s, o) => s + o.notCompleted, 0),
      phoneCalls: d.phone.calls,
      meanWaitMinutes: d.waiting.all.meanMinutes,
      p90WaitMinutes: d.waiting.all.p90Minutes,
      withinTarget: d.waiting.all.withinTarget,
      noShows: d.reservations.noShow + d.visits.noShow,
      staffOnDuty: d.staffing.people,
    })),
    hours,
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

/** The default range: the 30 days up to yesterday. */
export const lastThirtyDays = (today: string) => ({
  from: addDays(today, -30),
  to: addDays(today, -1),
});

/** The figures behind a chart as CSV (UTF-8 with a byte-order mark, so spreadsheets read the kanji). */
export function dashboardCsv(data: Dashboard, chart: "days" | "hours"): string {
  const rows: (string | number)[][] =
    chart === "days"
      ? [
          [
            "日付",
            "来庁者",
            "完了",
            "未完了",
            "電話",
            "平均待ち（分）",
            "90%値（分）",
            `${data.target.minutes}分以内の割合`,
            "不来所",
            "配置人数",
          ],
          ...data.days.map((d) => [
            d.date,
            d.people,
            d.completed,
            d.notCompleted,
            d.phoneCalls,
            d.meanWaitMinutes,
            d.p90WaitMinutes,
            Math.round(d.withinTarget * 1000) / 1000,
            d.noShows,
            d.staffOnDuty,
          ]),
        ]
      : [
          ["時台", "来庁者（1日平均）", "配置人数（1日平均）"],
          ...data.hours.map((h) => [`${h.hour}時`, h.arrivals, h.staff]),
        ];
  return `\uFEFF${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
}
