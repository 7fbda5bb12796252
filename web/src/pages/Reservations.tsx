import { useState } from "react";
import type { z } from "zod";
import {
  type impactSchema,
  reservationStatusLabel,
  type StaffReservation,
} from "../../../src/reservations/contract.ts";
import { api, serverNow } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { useLang, useT } from "../i18n.ts";
import { keys } from "../queryClient.ts";
import { OutcomeLine, useCatalogue, useCommand, useGet } from "../server.tsx";
import { PhoneBooking } from "./reservations/PhoneBooking.tsx";

type Row = StaffReservation;

const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(serverNow());
const timeOf = (iso: string) => iso.slice(11, 16);

/** 予約一覧 (counter staff): the day's bookings; check in, mark no-show, cancel, or book for a caller. */
export function Reservations({ tenant }: { tenant: string }) {
  const [dialog, ask] = useDialog();
  const lang = useLang();
  const t = useT();
  const [date, setDate] = useState(today());
  const rows =
    useGet<Row[]>([...keys.reservations, date], `/api/v1/reservations?date=${date}`).data ?? [];
  const impact = useGet<z.infer<typeof impactSchema>>(
    [...keys.reservations, date, "impact"],
    `/api/v1/reservations/closure-impact?date=${date}`,
  ).data;
  const catalogue = useCatalogue().data;
  // A check-in issues a ticket: the queue's screens change too.
  const { run, pending, message } = useCommand([keys.reservations, keys.queue]);

  const checkIn = (row: Row) =>
    run(async () => {
      const result = await api<{ ticketNumber: string }>(
        "POST",
        `/api/v1/reservations/${row.id}/check-in`,
      );
      return t("reservations.checkedInTicket", { ticketNumber: result.ticketNumber });
    });
  const noShow = (row: Row) =>
    run(async () => {
      await api("POST", `/api/v1/reservations/${row.id}/no-show`);
      return t("reservations.markedAsNotShownUp");
    });
  const cancel = async (row: Row) => {
    const answer = await ask({
      title: t("reservations.cancelBooking", { code: row.code }),
      confirmLabel: t("reservations.cancelBooking2"),
      tone: "danger",
      fields: [{ name: "reason", label: t("reservations.reasonForCancelling"), required: true }],
    });
    const reason = answer?.reason;
    if (reason)
      void run(async () => {
        await api("POST", `/api/v1/reservations/${row.id}/cancel`, { reason });
        return t("reservations.cancelled");
      });
  };
  const move = async (row: Row) => {
    const answer = await ask({
      title: t("reservations.moveBooking", { code: row.code }),
      confirmLabel: t("reservations.move"),
      fields: [
        { name: "time", label: t("reservations.newTime"), type: "time", required: true },
        { name: "reason", label: t("reservations.reasonForTheMove"), required: true },
      ],
    });
    const time = answer?.time;
    const reason = answer?.reason;
    if (time && reason)
      void run(async () => {
        await api("POST", `/api/v1/reservations/${row.id}/move`, {
          start: `${date}T${time.padStart(5, "0")}:00+09:00`,
          reason,
        });
        return t("reservations.moved");
      });
  };
  const notifyClosure = () =>
    run(async () => {
      const result = await api<{ notified: number }>(
        "POST",
        "/api/v1/reservations/notify-closure",
        { date },
      );
      return t("reservations.toldPeopleAboutTheClosure", { notified: result.notified });
    });
  const name = (code: string) => {
    const p = catalogue?.procedures.find((x) => x.code === code);
    return p ? (lang === "ja" ? p.nameJa : p.nameEn) : code;
  };

  return (
    <section aria-labelledby="res-title">
      {dialog}
      <div className="title-row">
        <h1 id="res-title">{t("reservations.reservations")}</h1>
        <label className="inline">
          {t("reservations.date")}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      </div>
      <OutcomeLine message={message} />
      {impact && !impact.counterOpen && impact.booked > 0 && (
        <div className="notice closure-banner" role="alert">
          <p>
            {t("reservations.theCounterIsClosedThisDay", {
              booked: impact.booked,
              notified: impact.notified,
            })}
          </p>
          {impact.notified < impact.booked && (
            <button type="button" className="primary" onClick={() => void notifyClosure()}>
              {t("reservations.tellEveryoneBooked")}
            </button>
          )}
        </div>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("reservations.time")}</th>
              <th scope="col">{t("reservations.code")}</th>
              <th scope="col">{t("reservations.name")}</th>
              <th scope="col">{t("reservations.procedure")}</th>
              <th scope="col">{t("reservations.contact")}</th>
              <th scope="col">{t("reservations.status")}</th>
              <th scope="col">{t("reservations.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-code={row.code}>
                <td>{timeOf(row.start)}</td>
                <td>
                  <code>{row.code}</code>
                </td>
                <td>{row.nameKana ?? "—"}</td>
                <td>{name(row.procedure)}</td>
                <td>{row.phone ?? row.email ?? "—"}</td>
                <td>{reservationStatusLabel(row.status, lang)}</td>
                <td>
                  {row.status === "booked" && (
                    <span className="actions">
                      <button
                        type="button"
                        className="primary"
                        onClick={() => void checkIn(row)}
                        disabled={pending}
                      >
                        {t("reservations.checkIn")}
                      </button>
                      <button type="button" onClick={() => void noShow(row)} disabled={pending}>
                        {t("reservations.noShow")}
                      </button>
                      <button type="button" onClick={() => move(row)}>
                        {t("reservations.move2")}
                      </button>
                      <button type="button" onClick={() => cancel(row)}>
                        {t("reservations.cancel")}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PhoneBooking tenant={tenant} date={date} catalogue={catalogue} />
    </section>
  );
}
