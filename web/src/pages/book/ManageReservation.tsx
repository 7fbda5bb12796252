import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import {
  type reservationSchema,
  reservationStatusLabel,
} from "../../../../src/reservations/contract.ts";
import { api, errorText } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLang, useT } from "../../i18n.ts";
import { PublicHeader } from "../../PublicHeader.tsx";
import { calendarFile, downloadLink } from "../../reservations.ts";
import { useGet } from "../../server.tsx";
import {
  dayLabel,
  type Slot,
  timeOf,
  useBookable,
  useSlots,
  useVisit,
  VisitFacts,
} from "./parts.tsx";

type Reservation = z.infer<typeof reservationSchema>;

/** The management link's page: the booking, where to come and what to bring; move it or cancel it. */
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
  const t = useT();
  const client = useQueryClient();
  const base = `/api/v1/public/${tenant}/reservations/${token}`;
  const key = ["public", tenant, "reservation", token];
  const loaded = useGet<Reservation>(key, base);
  const reservation = loaded.data;
  const procedure = useBookable(tenant).data?.find((p) => p.code === reservation?.procedure);
  const visit = useVisit(tenant).data;
  /** Changing goes day first, then time, as booking did: never one list of every slot. */
  const [choosing, setChoosing] = useState(false);
  const [moveDay, setMoveDay] = useState<string | null>(null);
  const slotsQuery = useSlots(tenant, choosing ? (reservation?.procedure ?? null) : null);
  const slots = choosing
    ? (slotsQuery.data ?? []).filter((s) => s.remaining > 0 && s.start !== reservation?.start)
    : null;
  const [done, setDone] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (work: () => Promise<Reservation>) => work(),
    onSuccess: (updated) => {
      client.setQueryData(key, updated);
      setChoosing(false);
      setMoveDay(null);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["public", tenant, "slots"] }),
  });
  const procedureName = procedure
    ? lang === "ja"
      ? procedure.nameJa
      : procedure.nameEn
    : (reservation?.procedure ?? "");

  const move = async (slot: Slot) => {
    const when = `${dayLabel(slot.start.slice(0, 10), lang)} ${timeOf(slot.start)}`;
    const sure = await ask({
      title: t("manageReservation.moveTheBookingTo", { when }),
      confirmLabel: t("manageReservation.move"),
    });
    if (!sure) return;
    change.mutate(() => api<Reservation>("PATCH", base, { start: slot.start }), {
      onSuccess: () => setDone(t("manageReservation.theTimeWasChanged")),
    });
  };
  const cancel = async () => {
    const sure = await ask({
      title: t("manageReservation.cancelThisBooking"),
      confirmLabel: t("manageReservation.cancelBooking"),
      tone: "danger",
    });
    if (!sure) return;
    change.mutate(() => api<Reservation>("DELETE", base), {
      onSuccess: () => setDone(t("manageReservation.theBookingWasCancelled")),
    });
  };
  const failure = change.error ?? loaded.error;

  return (
    <main className="booking" id="main">
      {dialog}
      <PublicHeader title={t("manageReservation.yourBooking")} onToggleLang={onToggleLang} />
      {failure ? (
        <p role="alert" className="error">
          {errorText(failure, lang)}
        </p>
      ) : (
        done && (
          <p role="status" className="ok">
            {done}
          </p>
        )
      )}
      {reservation && (
        <section className="booking-card">
          <p className="booking-code">{reservation.code}</p>
          <dl className="facts">
            <dt>{t("manageReservation.procedure")}</dt>
            <dd>{procedureName}</dd>
            <dt>{t("manageReservation.when")}</dt>
            <dd>
              {dayLabel(reservation.start.slice(0, 10), lang)} {timeOf(reservation.start)}〜
              {timeOf(reservation.end)}
            </dd>
            <dt>{t("manageReservation.status")}</dt>
            <dd>{reservationStatusLabel(reservation.status, lang)}</dd>
          </dl>
          {reservation.status === "booked" && <VisitFacts visit={visit} procedure={procedure} />}
          {reservation.status === "booked" && (
            <div className="booking-actions">
              <button
                type="button"
                className="primary"
                disabled={change.isPending}
                onClick={() => setChoosing(true)}
              >
                {t("manageReservation.changeTheTime")}
              </button>
              <button type="button" disabled={change.isPending} onClick={() => void cancel()}>
                {t("manageReservation.cancelTheBooking")}
              </button>
              <a
                download="reservation.ics"
                href={downloadLink(
                  calendarFile(
                    reservation.code,
                    procedureName,
                    reservation.start,
                    reservation.end,
                    window.location.href,
                  ),
                )}
              >
                {t("manageReservation.addToCalendarIcs")}
              </a>
            </div>
          )}
        </section>
      )}
      {slots && !moveDay && (
        <section aria-labelledby="move-title">
          <h2 id="move-title">{t("manageReservation.chooseTheNewDay")}</h2>
          <div className="choice-list">
            {[...new Set(slots.map((x) => x.start.slice(0, 10)))].map((d) => (
              <button type="button" key={d} className="choice" onClick={() => setMoveDay(d)}>
                {dayLabel(d, lang)}
              </button>
            ))}
          </div>
          <button type="button" className="ghost" onClick={() => setChoosing(false)}>
            ← {t("manageReservation.neverMind")}
          </button>
        </section>
      )}
      {slots && moveDay && (
        <section aria-labelledby="move-time-title">
          <h2 id="move-time-title">
            {t("manageReservation.chooseTheNewTime")} — {dayLabel(moveDay, lang)}
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
            ← {t("manageReservation.chooseAnotherDay")}
          </button>
        </section>
      )}
    </main>
  );
}
