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
  /** Changing goes day first, then time, as booking did: never one list of every slot. */
  const [moveDay, setMoveDay] = useState<string | null>(null);
  const [procedureNames, setProcedureNames] = useState<
    { code: string; nameJa: string; nameEn: string }[]
  >([]);
  useEffect(() => {
    void api<{ code: string; nameJa: string; nameEn: string }[]>(
      "GET",
      `/api/v1/public/${tenant}/procedures`,
    ).then(setProcedureNames, () => undefined);
  }, [tenant]);
  const procedureName = (code: string) => {
    const p = procedureNames.find((x) => x.code === code);
    return p ? (lang === "ja" ? p.nameJa : p.nameEn) : code;
  };
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
    const when = `${dayLabel(slot.start.slice(0, 10), lang)} ${timeOf(slot.start)}`;
    const sure = await ask({
      title: L(`${when} に変更しますか？`, `Move the booking to ${when}?`),
      confirmLabel: L("変更する", "Move"),
    });
    if (!sure) return;
    try {
      setReservation(await api<Reservation>("PATCH", base, { start: slot.start }));
      setSlots(null);
      setMoveDay(null);
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
            <dt>{L("手続", "Procedure")}</dt>
            <dd>{procedureName(reservation.procedure)}</dd>
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
      {slots && !moveDay && (
        <section aria-labelledby="move-title">
          <h2 id="move-title">{L("新しい日にちを選んでください", "Choose the new day")}</h2>
          <div className="choice-list">
            {[...new Set(slots.map((x) => x.start.slice(0, 10)))].map((d) => (
              <button type="button" key={d} className="choice" onClick={() => setMoveDay(d)}>
                {dayLabel(d, lang)}
              </button>
            ))}
          </div>
          <button type="button" className="ghost" onClick={() => setSlots(null)}>
            ← {L("やめる", "Never mind")}
          </button>
        </section>
      )}
      {slots && moveDay && (
        <section aria-labelledby="move-time-title">
          <h2 id="move-time-title">
            {L("新しい時間を選んでください", "Choose the new time")} — {dayLabel(moveDay, lang)}
          </h2>
          <div className="slot-grid">
            {slots
              .filter((x) => x.start.startsWith(moveDay))
              .map((x) => (
                <button
                  type="button"
                  key={x.start}
                  className="choice slot"
                  onClick={() => void move(x)}
                >
                  {timeOf(x.start)}
                </button>
              ))}
          </div>
          <button type="button" className="ghost" onClick={() => setMoveDay(null)}>
            ← {L("日にちを選び直す", "Choose another day")}
          </button>
        </section>
      )}
    </main>
  );
}
