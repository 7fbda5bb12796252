import { useCallback, useEffect, useState } from "react";
import { api, errorText } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { useLang } from "../i18n.ts";
import { PublicHeader } from "../PublicHeader.tsx";
import { calendarFile, downloadLink } from "../reservations.ts";
import { dayLabel } from "./Book.tsx";

interface Reservation {
  code: string;
  procedure: string;
  start: string;
  end: string;
  status: string;
  nameKana: string | null;
}
interface Slot {
  start: string;
  end: string;
  remaining: number;
}

const timeOf = (iso: string) => iso.slice(11, 16);

/** The management link's page: see the booking, move it to another time, or cancel it. */
export function ManageReservation({
  tenant,
  token,
  onToggleLang,
}: {
  tenant: string;
  token: string;
  onToggleLang: () => void;
}) {
  const [dialog, ask] = useDialog();
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const base = `/api/v1/public/${tenant}/reservations/${token}`;
  const [reservation, setReservation] = useState<Reservation | null>(null);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const load = useCallback(
    () =>
      api<Reservation>("GET", base).then(setReservation, (e) =>
        setMessage({ kind: "error", text: errorText(e, lang) }),
      ),
    [base, lang],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const showSlots = async () => {
    if (!reservation) return;
    setSlots(
      (
        await api<Slot[]>(
          "GET",
          `/api/v1/public/${tenant}/slots?procedure=${reservation.procedure}`,
        )
      ).filter((s) => s.remaining > 0 && s.start !== reservation.start),
    );
  };
  const move = async (slot: Slot) => {
    try {
      setReservation(await api<Reservation>("PATCH", base, { start: slot.start }));
      setSlots(null);
      setMessage({ kind: "ok", text: L("日時を変更しました。", "The time was changed.") });
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  const cancel = async () => {
    const sure = await ask({
      title: L("この予約を取り消しますか？", "Cancel this booking?"),
      confirmLabel: L("取り消す", "Cancel booking"),
      tone: "danger",
    });
    if (!sure) return;
    try {
      setReservation(await api<Reservation>("DELETE", base));
      setMessage({ kind: "ok", text: L("予約を取り消しました。", "The booking was cancelled.") });
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };

  const status: Record<string, string> = {
    booked: L("予約済み", "Booked"),
    cancelled: L("取消済み", "Cancelled"),
    checked_in: L("受付済み", "Checked in"),
    no_show: L("来所なし", "Did not come"),
  };
  return (
    <main className="booking" id="main">
      {dialog}
      <PublicHeader title={L("ご予約の確認", "Your booking")} onToggleLang={onToggleLang} />
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
          {message.text}
        </p>
      )}
      {reservation && (
        <section className="booking-card">
          <p className="booking-code">{reservation.code}</p>
          <dl className="facts">
            <dt>{L("日時", "When")}</dt>
            <dd>
              {dayLabel(reservation.start.slice(0, 10), lang)} {timeOf(reservation.start)}〜
              {timeOf(reservation.end)}
            </dd>
            <dt>{L("状態", "Status")}</dt>
            <dd>{status[reservation.status] ?? reservation.status}</dd>
          </dl>
          {reservation.status === "booked" && (
            <div className="booking-actions">
              <button type="button" className="primary" onClick={() => void showSlots()}>
                {L("日時を変更する", "Change the time")}
              </button>
              <button type="button" onClick={() => void cancel()}>
                {L("予約を取り消す", "Cancel the booking")}
              </button>
              <a
                download="reservation.ics"
                href={downloadLink(
                  calendarFile(
                    reservation.code,
                    reservation.procedure,
                    reservation.start,
                    reservation.end,
                    window.location.href,
                  ),
                )}
              >
                {L("カレンダーに追加（.ics）", "Add to calendar (.ics)")}
              </a>
            </div>
          )}
        </section>
      )}
      {slots && (
        <section aria-labelledby="move-title">
          <h2 id="move-title">{L("新しい時間を選んでください", "Choose the new time")}</h2>
          <div className="slot-grid">
            {slots.map((s) => (
              <button
                type="button"
                key={s.start}
                className="choice slot"
                onClick={() => void move(s)}
              >
                {dayLabel(s.start.slice(0, 10), lang)} {timeOf(s.start)}
              </button>
            ))}
          </div>
        </section>
      )}
    </main>
  );
}
