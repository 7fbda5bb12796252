import { type FormEvent, useState } from "react";
import type { z } from "zod";
import {
  type impactSchema,
  reservationStatusLabel,
  type StaffReservation,
  type slotSchema,
} from "../../../src/reservations/contract.ts";
import { api, serverNow } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { useLang } from "../i18n.ts";
import { keys } from "../queryClient.ts";
import { OutcomeLine, useCatalogue, useCommand, useGet } from "../server.tsx";

type Row = StaffReservation;
type Slot = z.infer<typeof slotSchema>;

const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(serverNow());
const timeOf = (iso: string) => iso.slice(11, 16);

/** 予約一覧 (counter staff): the day's bookings; check in, mark no-show, cancel, or book for a caller. */
export function Reservations({ tenant }: { tenant: string }) {
  const [dialog, ask] = useDialog();
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const [date, setDate] = useState(today());
  const rows =
    useGet<Row[]>([...keys.reservations, date], `/api/v1/reservations?date=${date}`).data ?? [];
  const impact = useGet<z.infer<typeof impactSchema>>(
    [...keys.reservations, date, "impact"],
    `/api/v1/reservations/closure-impact?date=${date}`,
  ).data;
  const catalogue = useCatalogue().data;
  const [phone, setPhone] = useState({ procedure: "handover", start: "", nameKana: "", phone: "" });
  const slots =
    useGet<Slot[]>(
      [...keys.reservations, "slots", phone.procedure, date],
      `/api/v1/public/${tenant}/slots?procedure=${phone.procedure}&from=${date}&to=${date}`,
    ).data ?? [];
  // A check-in issues a ticket: the queue's screens change too.
  const { run, pending, message } = useCommand([keys.reservations, keys.queue]);

  const checkIn = (row: Row) =>
    run(async () => {
      const result = await api<{ ticketNumber: string }>(
        "POST",
        `/api/v1/reservations/${row.id}/check-in`,
      );
      return L(
        `受付しました。受付番号 ${result.ticketNumber}`,
        `Checked in: ticket ${result.ticketNumber}`,
      );
    });
  const noShow = (row: Row) =>
    run(async () => {
      await api("POST", `/api/v1/reservations/${row.id}/no-show`);
      return L("不来所にしました。", "Marked as not shown up.");
    });
  const cancel = async (row: Row) => {
    const answer = await ask({
      title: L(`${row.code} の予約を取り消します`, `Cancel booking ${row.code}`),
      confirmLabel: L("取り消す", "Cancel booking"),
      tone: "danger",
      fields: [{ name: "reason", label: L("取消の理由", "Reason for cancelling"), required: true }],
    });
    const reason = answer?.reason;
    if (reason)
      void run(async () => {
        await api("POST", `/api/v1/reservations/${row.id}/cancel`, { reason });
        return L("取り消しました。", "Cancelled.");
      });
  };
  const move = async (row: Row) => {
    const answer = await ask({
      title: L(`${row.code} の時刻を変更します`, `Move booking ${row.code}`),
      confirmLabel: L("変更する", "Move"),
      fields: [
        { name: "time", label: L("新しい時刻", "New time"), type: "time", required: true },
        { name: "reason", label: L("変更の理由", "Reason for the move"), required: true },
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
        return L("日時を変更しました。", "Moved.");
      });
  };
  const notifyClosure = () =>
    run(async () => {
      const result = await api<{ notified: number }>(
        "POST",
        "/api/v1/reservations/notify-closure",
        { date },
      );
      return L(
        `${result.notified}件の予約者に休業をお知らせしました。`,
        `Told ${result.notified} people about the closure.`,
      );
    });
  const book = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const row = await api<Row>("POST", "/api/v1/reservations", phone);
      return L(`電話予約を受け付けました。予約番号 ${row.code}`, `Booked by phone: ${row.code}`);
    });
  };
  const name = (code: string) => {
    const p = catalogue?.procedures.find((x) => x.code === code);
    return p ? (lang === "ja" ? p.nameJa : p.nameEn) : code;
  };

  return (
    <section aria-labelledby="res-title">
      {dialog}
      <div className="title-row">
        <h1 id="res-title">{L("予約一覧", "Reservations")}</h1>
        <label className="inline">
          {L("日付", "Date")}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      </div>
      <OutcomeLine message={message} />
      {impact && !impact.counterOpen && impact.booked > 0 && (
        <div className="notice closure-banner" role="alert">
          <p>
            {L(
              `この日は窓口が休業です。予約 ${impact.booked}件のうち ${impact.notified}件にお知らせ済みです。`,
              `The counter is closed this day. ${impact.notified} of ${impact.booked} bookings have been told.`,
            )}
          </p>
          {impact.notified < impact.booked && (
            <button type="button" className="primary" onClick={() => void notifyClosure()}>
              {L("予約者へ一括でお知らせ", "Tell everyone booked")}
            </button>
          )}
        </div>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{L("時間", "Time")}</th>
              <th scope="col">{L("予約番号", "Code")}</th>
              <th scope="col">{L("お名前", "Name")}</th>
              <th scope="col">{L("手続", "Procedure")}</th>
              <th scope="col">{L("連絡先", "Contact")}</th>
              <th scope="col">{L("状態", "Status")}</th>
              <th scope="col">{L("操作", "Actions")}</th>
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
                        {L("受付", "Check in")}
                      </button>
                      <button type="button" onClick={() => void noShow(row)} disabled={pending}>
                        {L("不来所", "No-show")}
                      </button>
                      <button type="button" onClick={() => move(row)}>
                        {L("変更", "Move")}
                      </button>
                      <button type="button" onClick={() => cancel(row)}>
                        {L("取消", "Cancel")}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="panel" onSubmit={book}>
        <h2>{L("電話で予約を受ける", "Book for a caller")}</h2>
        <div className="grid">
          <label>
            {L("手続", "Procedure")}
            <select
              value={phone.procedure}
              onChange={(e) => setPhone({ ...phone, procedure: e.target.value })}
            >
              {catalogue?.procedures
                .filter((p) => p.atCounter && !p.retiredAt)
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {name(p.code)}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {L("時間", "Time")}
            <select
              value={phone.start}
              onChange={(e) => setPhone({ ...phone, start: e.target.value })}
              required
            >
              <option value="">—</option>
              {slots.map((s) => (
                <option key={s.start} value={s.start} disabled={s.remaining === 0}>
                  {timeOf(s.start)} ({L(`残り${s.remaining}`, `${s.remaining} left`)})
                </option>
              ))}
            </select>
          </label>
          <label>
            {L("お名前（カタカナ）", "Name (katakana)")}
            <input
              value={phone.nameKana}
              onChange={(e) => setPhone({ ...phone, nameKana: e.target.value })}
              required
            />
          </label>
          <label>
            {L("電話番号", "Phone")}
            <input
              type="tel"
              value={phone.phone}
              onChange={(e) => setPhone({ ...phone, phone: e.target.value })}
              required
            />
          </label>
        </div>
        <button type="submit" className="primary" disabled={pending}>
          {L("予約する", "Book")}
        </button>
      </form>
    </section>
  );
}
