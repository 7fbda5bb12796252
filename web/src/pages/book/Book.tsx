import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ApiError, api, errorText } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { Phrases } from "../../Phrases.tsx";
import { PublicHeader } from "../../PublicHeader.tsx";
import { calendarFile, downloadLink } from "../../reservations.ts";
import { type Contact, ContactForm } from "./ContactForm.tsx";
import {
  dayLabel,
  type BookableProcedure as Procedure,
  type Slot,
  Steps,
  timeOf,
  useBookable,
  useSlots,
  useVisit,
  VisitFacts,
} from "./parts.tsx";

/** 予約: procedure → date → time → contact → done. No account, phone first, plain words. */
export function Book({ tenant, onToggleLang }: { tenant: string; onToggleLang: () => void }) {
  const lang = useLang();
  const t = useT();
  const client = useQueryClient();
  const bookable = useBookable(tenant);
  const procedures = bookable.data ?? [];
  const visit = useVisit(tenant).data;
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const slotsQuery = useSlots(tenant, procedure?.code ?? null);
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const days = useMemo(
    () => [
      ...new Set(
        (slotsQuery.data ?? []).filter((s) => s.remaining > 0).map((s) => s.start.slice(0, 10)),
      ),
    ],
    [slotsQuery.data],
  );
  const booking = useMutation({
    mutationFn: (contact: Contact) =>
      api<{ code: string; manageUrl: string }>("POST", `/api/v1/public/${tenant}/reservations`, {
        procedure: procedure!.code,
        start: slot!.start,
        ...contact,
      }),
    onError: (e) => {
      // The last place went to someone else: back to the times, which are fetched afresh.
      if (e instanceof ApiError && e.body.code === "slot_full") setSlot(null);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["public", tenant, "slots"] }),
  });
  const done = booking.data;
  const error = booking.error ?? bookable.error;
  const slots = slotsQuery.data ?? [];

  const name = (p: Procedure) => (lang === "ja" ? p.nameJa : p.nameEn);
  const step = done ? 4 : !procedure ? 0 : !date ? 1 : !slot ? 2 : 3;
  return (
    <main className="booking" id="main">
      <PublicHeader title={t("book.bookATimeAtTheCounter")} onToggleLang={onToggleLang} />
      {!done && (
        <Steps
          current={step}
          labels={[t("book.procedure"), t("book.day"), t("book.time"), t("book.contact")]}
        />
      )}
      {error && (
        <p role="alert" className="error">
          {errorText(error, lang)}
        </p>
      )}
      {done && procedure && slot ? (
        <section className="booking-card" aria-labelledby="done-title">
          <h2 id="done-title">{t("book.youAreBooked")}</h2>
          <p>{t("book.reservationCode")}</p>
          <p className="booking-code">{done.code}</p>
          <p>
            {dayLabel(slot.start.slice(0, 10), lang)} {timeOf(slot.start)}〜{timeOf(slot.end)} /{" "}
            {name(procedure)}
          </p>
          <p>
            <a href={done.manageUrl}>{t("book.seeChangeOrCancelYourBooking")}</a>
          </p>
          <p>
            <a
              download="reservation.ics"
              href={downloadLink(
                calendarFile(done.code, name(procedure), slot.start, slot.end, done.manageUrl),
              )}
            >
              {t("book.addToCalendarIcs")}
            </a>
          </p>
          <VisitFacts visit={visit} procedure={procedure} />
          <p className="hint">{t("book.aConfirmationEMailIsOn")}</p>
        </section>
      ) : !procedure ? (
        <section aria-labelledby="step1">
          <h2 id="step1">1. {t("book.chooseWhatYouNeed")}</h2>
          <div className="choice-list">
            {procedures.map((p) => (
              <button type="button" key={p.code} className="choice" onClick={() => setProcedure(p)}>
                <Phrases>{name(p)}</Phrases>
                {(lang === "ja" ? p.bringJa : p.bringEn) && (
                  <small className="choice-note">
                    {t("book.bring")}
                    {lang === "ja" ? p.bringJa : p.bringEn}
                  </small>
                )}
              </button>
            ))}
          </div>
        </section>
      ) : !date ? (
        <section aria-labelledby="step2">
          <h2 id="step2">2. {t("book.chooseADay")}</h2>
          <p className="hint">{name(procedure)}</p>
          <div className="choice-list">
            {days.map((d) => (
              <button type="button" key={d} className="choice" onClick={() => setDate(d)}>
                {dayLabel(d, lang)}
              </button>
            ))}
            {days.length === 0 && <p>{t("book.noDayCanBeBooked")}</p>}
          </div>
          <button type="button" className="ghost" onClick={() => setProcedure(null)}>
            ← {t("book.back")}
          </button>
        </section>
      ) : !slot ? (
        <section aria-labelledby="step3">
          <h2 id="step3">3. {t("book.chooseATime")}</h2>
          <p className="hint">
            {name(procedure)} / {dayLabel(date, lang)}
          </p>
          <div className="slot-grid">
            {slots
              .filter((s) => s.start.startsWith(date))
              .map((s) => (
                <button
                  type="button"
                  key={s.start}
                  className="choice slot"
                  disabled={s.remaining === 0}
                  onClick={() => setSlot(s)}
                >
                  {timeOf(s.start)}
                  <small>
                    {s.remaining === 0
                      ? t("book.full")
                      : t("book.left", { remaining: s.remaining })}
                  </small>
                </button>
              ))}
          </div>
          <button type="button" className="ghost" onClick={() => setDate(null)}>
            ← {t("book.back")}
          </button>
        </section>
      ) : (
        <>
          <p className="hint">
            {name(procedure)} / {dayLabel(date, lang)} {timeOf(slot.start)}〜{timeOf(slot.end)}
          </p>
          <VisitFacts visit={visit} procedure={procedure} />
          <ContactForm
            pending={booking.isPending}
            onSubmit={(contact) => booking.mutate(contact)}
            onBack={() => setSlot(null)}
          />
        </>
      )}
    </main>
  );
}
