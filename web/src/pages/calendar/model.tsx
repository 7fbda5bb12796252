import type { CalendarDay as Day } from "../../../../src/calendar/contract.ts";
import { DAY_KIND_LABELS as KINDS } from "../../../../src/calendar/labels.ts";
import { serverNow } from "../../api.ts";
import type { Lang, useT } from "../../i18n.ts";

/** The calendar page's month arithmetic and the cells of its month grid; types and labels are the server's. */
export type {
  CalendarDay as Day,
  CalendarWarning as Warning,
  ExceptionOut as ExceptionRow,
} from "../../../../src/calendar/contract.ts";
export {
  DAY_KIND_LABELS as KINDS,
  EXCEPTION_LABELS as EXCEPTION_KINDS,
  EXCEPTION_STATUS_LABELS as STATUS,
} from "../../../../src/calendar/labels.ts";

type Window = { open: string; close: string };

export const WEEK: Record<Lang, string[]> = {
  ja: ["日", "月", "火", "水", "木", "金", "土"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

export const pad = (n: number) => String(n).padStart(2, "0");
export function monthRange(month: string) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    from: `${month}-01`,
    to: `${month}-${pad(last)}`,
    firstWeekday: new Date(Date.UTC(y, m - 1, 1)).getUTCDay(),
  };
}
export function shiftMonth(month: string, by: number) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
export const hm = (w: Window) => `${w.open.replace(/^0/, "")}–${w.close.replace(/^0/, "")}`;
export const tokyoMonth = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(serverNow()).slice(0, 7);

/** 業務カレンダー: the month at a glance; the city designates weekends, the manager asks for changes. */
export const isWeekendIndex = (i: number) => i === 0 || i === 6;

export function weeks(days: Day[], firstWeekday: number): (Day | null)[][] {
  const cells: (Day | null)[] = [...Array(firstWeekday).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

export function DayCell({
  day,
  lang,
  onToggle,
  t,
}: {
  day: Day;
  lang: Lang;
  onToggle: (() => void) | undefined;
  t: ReturnType<typeof useT>;
}) {
  const content = (
    <>
      <span className="day-number">{Number(day.date.slice(8))}</span>
      {day.kind !== "weekday" && (
        <span className={`badge kind-${day.kind}`}>{KINDS[day.kind][lang]}</span>
      )}
      {day.counter && (
        <span className="hours">
          {t("counterHours")} {hm(day.counter)}
          {day.extraSessions?.map((s) => (
            <span key={s.open}> ＋{hm(s)}</span>
          ))}
        </span>
      )}
      {day.phone && (
        <span className="hours phone">
          {t("phoneHours")} {hm(day.phone)}
        </span>
      )}
      {day.reasons.length > 0 && <span className="reasons">{day.reasons.join("・")}</span>}
    </>
  );
  return (
    <td className={`day kind-${day.kind}`} data-date={day.date}>
      {onToggle ? (
        <button type="button" className="day-button" onClick={onToggle}>
          {content}
          <span className="visually-hidden">
            {day.kind === "weekend_opening" ? t("undesignate") : t("designate")}
          </span>
        </button>
      ) : (
        <div className="day-content">{content}</div>
      )}
    </td>
  );
}

export function Legend({ lang, title }: { lang: Lang; title: string }) {
  return (
    <div className="legend">
      <span className="legend-title">{title}:</span>
      {(Object.keys(KINDS) as Day["kind"][]).map((kind) => (
        <span key={kind} className={`badge kind-${kind}`}>
          {KINDS[kind][lang]}
        </span>
      ))}
    </div>
  );
}
