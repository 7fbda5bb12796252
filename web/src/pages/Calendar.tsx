import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, errorText, type Me, serverNow } from "../api.ts";
import { type Lang, useLang, useT } from "../i18n.ts";

interface Window {
  open: string;
  close: string;
}
interface Day {
  date: string;
  counter: Window | null;
  phone: Window | null;
  kind:
    | "weekday"
    | "extended"
    | "weekend_opening"
    | "holiday"
    | "closed"
    | "exception"
    | "out_of_service";
  reasons: string[];
  extraSessions?: Window[];
}
interface Warning {
  month: string;
  message: string;
  messageEn: string;
}
interface ExceptionRow {
  exceptionId: string;
  date: string;
  kind: string;
  counter: Window | null;
  phone: Window | null;
  reason: string;
  status: string;
  requestedByName: string;
  decidedByName: string | null;
  decisionNote: string | null;
}

/** Colour-blind-safe: each kind has a label and a pattern as well as an Okabe–Ito tint. */
const KINDS: Record<Day["kind"], Record<Lang, string>> = {
  weekday: { ja: "開庁", en: "Open" },
  extended: { ja: "延長", en: "Late" },
  weekend_opening: { ja: "休日開庁", en: "Weekend" },
  holiday: { ja: "祝日・閉庁", en: "Holiday" },
  closed: { ja: "閉庁", en: "Closed" },
  exception: { ja: "変更あり", en: "Changed" },
  out_of_service: { ja: "期間外", en: "Out of term" },
};
const EXCEPTION_KINDS: Record<string, Record<Lang, string>> = {
  extension: { ja: "業務時間の延長", en: "Extended hours" },
  temporary_session: { ja: "臨時開庁", en: "Temporary session" },
  closure: { ja: "臨時休業", en: "Closure" },
  phone_window: { ja: "電話受付時間の変更", en: "Changed phone hours" },
};
const STATUS: Record<string, Record<Lang, string>> = {
  requested: { ja: "申請中", en: "Requested" },
  approved: { ja: "承認済", en: "Approved" },
  rejected: { ja: "却下", en: "Rejected" },
  withdrawn: { ja: "取下げ", en: "Withdrawn" },
  revoked: { ja: "取消", en: "Revoked" },
};
const WEEK: Record<Lang, string[]> = {
  ja: ["日", "月", "火", "水", "木", "金", "土"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

const pad = (n: number) => String(n).padStart(2, "0");
function monthRange(month: string) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    from: `${month}-01`,
    to: `${month}-${pad(last)}`,
    firstWeekday: new Date(Date.UTC(y, m - 1, 1)).getUTCDay(),
  };
}
function shiftMonth(month: string, by: number) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
const hm = (w: Window) => `${w.open.replace(/^0/, "")}–${w.close.replace(/^0/, "")}`;
const tokyoMonth = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(serverNow()).slice(0, 7);

/** 業務カレンダー: the month at a glance; the city designates weekends, the manager asks for changes. */
export function Calendar({ me }: { me: Me }) {
  const t = useT();
  const lang = useLang();
  const params = new URLSearchParams(window.location.search);
  const [month, setMonth] = useState(params.get("month") ?? tokyoMonth());
  const [days, setDays] = useState<Day[]>([]);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [requests, setRequests] = useState<ExceptionRow[]>([]);
  const [reservationOnly, setReservationOnly] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const canDesignate = me.permissions.includes("calendar.designate");
  const canRequest = me.permissions.includes("calendar.request");
  const canApprove = me.permissions.includes("calendar.approve");
  const { from, to, firstWeekday } = monthRange(month);

  const load = useCallback(async () => {
    const [d, w, r] = await Promise.all([
      api<Day[]>("GET", `/api/v1/calendar?from=${from}&to=${to}`),
      api<{ warnings: Warning[] }>(
        "GET",
        `/api/v1/calendar/weekend-openings?from=${from}&to=${to}`,
      ),
      api<ExceptionRow[]>("GET", `/api/v1/calendar/exceptions?from=${from}&to=${to}`),
    ]);
    setDays(d);
    setWarnings(w.warnings);
    setRequests(r);
  }, [from, to]);
  useEffect(() => {
    void load();
    window.history.replaceState(null, "", `/calendar?month=${month}`);
  }, [load, month]);

  const toggleWeekend = async (day: Day) => {
    try {
      const designated = day.kind === "weekend_opening";
      await api(
        designated ? "DELETE" : "PUT",
        `/api/v1/calendar/weekend-openings/${day.date}`,
        designated ? undefined : { reservationOnly },
      );
      setMessage(null);
      await load();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  const decide = async (id: string, decision: "approve" | "reject" | "withdraw") => {
    try {
      await api("POST", `/api/v1/calendar/exceptions/${id}/${decision}`, {});
      await load();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };

  const [y, m] = month.split("-");
  const title =
    lang === "ja"
      ? `${y}年${Number(m)}月`
      : new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", {
          month: "long",
          year: "numeric",
          timeZone: "UTC",
        });

  return (
    <section aria-labelledby="calendar-title">
      <div className="title-row">
        <h1 id="calendar-title">
          {t("calendar")} <span className="month-title">{title}</span>
        </h1>
        <div className="month-nav">
          <button type="button" onClick={() => setMonth(shiftMonth(month, -1))}>
            ← {t("prevMonth")}
          </button>
          <button type="button" onClick={() => setMonth(shiftMonth(month, 1))}>
            {t("nextMonth")} →
          </button>
        </div>
      </div>
      {canDesignate && (
        <div className="hint-row">
          <p className="hint">{t("designateHint")}</p>
          <label className="inline">
            <input
              type="checkbox"
              checked={reservationOnly}
              onChange={(e) => setReservationOnly(e.target.checked)}
            />
            {lang === "ja" ? "予約制として指定する" : "Designate for reservations only"}
          </label>
        </div>
      )}
      {warnings.map((w) => (
        <p key={w.month} role="status" className="notice">
          ⚠ {lang === "ja" ? w.message : w.messageEn}
        </p>
      ))}
      {message && (
        <p role="alert" className="error">
          {message.text}
        </p>
      )}
      <table className="month-grid">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {WEEK[lang].map((w) => (
              <th scope="col" key={w}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks(days, firstWeekday).map((week) => (
            <tr key={week.find(Boolean)?.date}>
              {week.map((day, i) =>
                day ? (
                  <DayCell
                    key={day.date}
                    day={day}
                    lang={lang}
                    onToggle={
                      canDesignate &&
                      isWeekendIndex(i) &&
                      day.kind !== "out_of_service" &&
                      day.kind !== "holiday"
                        ? () => void toggleWeekend(day)
                        : undefined
                    }
                    t={t}
                  />
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st and after the last day have no identity
                  <td className="day empty" key={`empty-${i}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Legend lang={lang} title={t("legend")} />
      <h2 className="section-title">{t("changeRequests")}</h2>
      {requests.length === 0 ? (
        <p>{t("noRequests")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("counterHours")}</th>
                <th scope="col">{t("reason")}</th>
                <th scope="col">{t("requestedBy")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("decidedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.exceptionId}>
                  <td>{r.date}</td>
                  <td>{EXCEPTION_KINDS[r.kind]?.[lang] ?? r.kind}</td>
                  <td>
                    {r.counter
                      ? hm(r.counter)
                      : r.phone
                        ? `${t("phoneHours")} ${hm(r.phone)}`
                        : "—"}
                  </td>
                  <td className="wrap">{r.reason}</td>
                  <td>{r.requestedByName}</td>
                  <td>
                    <span className={`status status-${r.status}`}>
                      {STATUS[r.status]?.[lang] ?? r.status}
                    </span>
                  </td>
                  <td>
                    {r.status === "requested" && canApprove ? (
                      <span className="actions">
                        <button type="button" onClick={() => void decide(r.exceptionId, "approve")}>
                          {t("approve")}
                        </button>
                        <button type="button" onClick={() => void decide(r.exceptionId, "reject")}>
                          {t("reject")}
                        </button>
                      </span>
                    ) : r.status === "requested" && canRequest ? (
                      <button type="button" onClick={() => void decide(r.exceptionId, "withdraw")}>
                        {t("withdraw")}
                      </button>
                    ) : (
                      (r.decidedByName ?? "—")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRequest && <RequestForm defaultDate={from} onDone={load} />}
    </section>
  );
}

const isWeekendIndex = (i: number) => i === 0 || i === 6;

function weeks(days: Day[], firstWeekday: number): (Day | null)[][] {
  const cells: (Day | null)[] = [...Array(firstWeekday).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

function DayCell({
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

function Legend({ lang, title }: { lang: Lang; title: string }) {
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

function RequestForm({
  defaultDate,
  onDone,
}: {
  defaultDate: string;
  onDone: () => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  const [form, setForm] = useState({
    date: defaultDate,
    kind: "extension",
    open: "08:30",
    close: "18:00",
    reason: "",
  });
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const window = { open: form.open, close: form.close };
    const body = {
      date: form.date,
      kind: form.kind,
      reason: form.reason,
      ...(form.kind === "extension" || form.kind === "temporary_session"
        ? { counter: window }
        : {}),
      ...(form.kind === "phone_window" ? { phone: window } : {}),
    };
    try {
      await api("POST", "/api/v1/calendar/exceptions", body);
      setMessage({ kind: "ok", text: t("requestSent") });
      setForm({ ...form, reason: "" });
      await onDone();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  const needsHours = form.kind !== "closure";
  return (
    <form className="panel" onSubmit={(e) => void submit(e)}>
      <h2>{t("requestChange")}</h2>
      <div className="grid">
        <label>
          {t("date")}
          <input
            type="date"
            value={form.date}
            onChange={(e) => setForm({ ...form, date: e.target.value })}
            required
          />
        </label>
        <label>
          {t("kind")}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            {Object.entries(EXCEPTION_KINDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[lang]}
              </option>
            ))}
          </select>
        </label>
        {needsHours && (
          <>
            <label>
              {t("opensAt")}
              <input
                type="time"
                value={form.open}
                onChange={(e) => setForm({ ...form, open: e.target.value })}
                required
              />
            </label>
            <label>
              {t("closesAt")}
              <input
                type="time"
                value={form.close}
                onChange={(e) => setForm({ ...form, close: e.target.value })}
                required
              />
            </label>
          </>
        )}
      </div>
      <label>
        {t("reason")}
        <input
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.target.value })}
          required
          maxLength={500}
        />
      </label>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary">
        {t("submitRequest")}
      </button>
    </form>
  );
}
