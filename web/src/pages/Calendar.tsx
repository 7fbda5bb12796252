import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, type Me } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { useLang, useT } from "../i18n.ts";
import { keys } from "../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../server.tsx";
import {
  type Day,
  DayCell,
  EXCEPTION_KINDS,
  type ExceptionRow,
  hm,
  isWeekendIndex,
  Legend,
  monthRange,
  STATUS,
  shiftMonth,
  tokyoMonth,
  type Warning,
  WEEK,
  weeks,
} from "./calendar/model.tsx";
import { RequestForm } from "./calendar/RequestForm.tsx";

export function Calendar({ me, month: chosen }: { me: Me; month: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const [dialog, ask] = useDialog();
  const navigate = useNavigate();
  const month = chosen ?? tokyoMonth();
  const setMonth = (next: string) => void navigate({ to: "/calendar", search: { month: next } });
  const [reservationOnly, setReservationOnly] = useState(false);
  const canDesignate = me.permissions.includes("calendar.designate");
  const canRequest = me.permissions.includes("calendar.request");
  const canApprove = me.permissions.includes("calendar.approve");
  const { from, to, firstWeekday } = monthRange(month);
  const range = `from=${from}&to=${to}`;
  const days =
    useGet<Day[]>([...keys.calendar, "days", from], `/api/v1/calendar?${range}`).data ?? [];
  const warnings =
    useGet<{ warnings: Warning[] }>(
      [...keys.calendar, "weekend-openings", from],
      `/api/v1/calendar/weekend-openings?${range}`,
    ).data?.warnings ?? [];
  const requests =
    useGet<ExceptionRow[]>(
      [...keys.calendar, "exceptions", from],
      `/api/v1/calendar/exceptions?${range}`,
    ).data ?? [];
  // A decision changes the day, and so the queue's hours and the bookings' closure notices.
  const { run, pending, message } = useCommand([keys.calendar, keys.reservations]);

  const toggleWeekend = async (day: Day) => {
    const designated = day.kind === "weekend_opening";
    const sure = await ask({
      title: designated
        ? t("calendar.cancelTheWeekendOpeningOn", { date: day.date })
        : t("calendar.designateAWeekendOpening", { date: day.date }),
      body: designated ? t("calendar.bookingsOnThatDayWillNeed") : undefined,
      confirmLabel: designated ? t("calendar.cancelIt") : t("calendar.designate"),
      tone: designated ? "danger" : "primary",
    });
    if (!sure) return;
    await run(async () => {
      await api(
        designated ? "DELETE" : "PUT",
        `/api/v1/calendar/weekend-openings/${day.date}`,
        designated ? undefined : { reservationOnly },
      );
      return undefined;
    });
  };
  const decide = async (id: string, decision: "approve" | "reject" | "withdraw") => {
    const words = {
      approve: [t("calendar.approveThisRequest"), t("calendar.approve")],
      reject: [t("calendar.rejectThisRequest"), t("calendar.reject")],
      withdraw: [t("calendar.withdrawThisRequest"), t("calendar.withdraw")],
    }[decision];
    const answer = await ask({
      title: words[0]!,
      confirmLabel: words[1]!,
      tone: decision === "approve" ? "primary" : "danger",
      fields: [
        {
          name: "note",
          label: decision === "approve" ? t("calendar.noteOptional") : t("calendar.reason"),
          required: decision !== "approve",
          maxLength: 500,
        },
      ],
    });
    if (!answer) return;
    await run(async () => {
      await api(
        "POST",
        `/api/v1/calendar/exceptions/${id}/${decision}`,
        answer.note ? { note: answer.note } : {},
      );
      return undefined;
    });
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
      {dialog}
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
            {t("calendar.designateForReservationsOnly")}
          </label>
        </div>
      )}
      {warnings.map((w) => (
        <p key={w.month} role="status" className="notice">
          ⚠ {lang === "ja" ? w.message : w.messageEn}
        </p>
      ))}
      <OutcomeLine message={message} />
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
                        <button
                          type="button"
                          onClick={() => void decide(r.exceptionId, "approve")}
                          disabled={pending}
                        >
                          {t("approve")}
                        </button>
                        <button
                          type="button"
                          onClick={() => void decide(r.exceptionId, "reject")}
                          disabled={pending}
                        >
                          {t("reject")}
                        </button>
                      </span>
                    ) : r.status === "requested" && canRequest ? (
                      <button
                        type="button"
                        onClick={() => void decide(r.exceptionId, "withdraw")}
                        disabled={pending}
                      >
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
      {canRequest && <RequestForm defaultDate={from} />}
    </section>
  );
}
