import { useState } from "react";
import {
  CARD_STATE_LABELS,
  type CardOut,
  type CardQueuesOut,
  IDENTITY_CHECK_LABELS,
} from "../../../../src/cards/contract.ts";
import { IDENTITY_CHECKS } from "../../../../src/cards/rules.ts";
import type { StaffReservation } from "../../../../src/reservations/contract.ts";
import { api } from "../../api.ts";
import { type StringKey, useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { today, tokyoTime } from "../../time.ts";

/**
 * The back office's day: setups to do, notices to send, reminders, express cards; and at the
 * counter, the holder's card found by kana and birth date (or the notice's reference) and handed
 * over with the kind of identity check.
 */
export function Work({ canDispose }: { canDispose: boolean }) {
  const t = useT();
  const label = useLabel();
  const queues = useGet<CardQueuesOut>(keys.cardQueues, "/api/v1/cards/queues").data;
  const command = useCommand([keys.cards]);
  const [q, setQ] = useState("");
  const [search, setSearch] = useState<string | null>(null);
  const found = useGet<CardOut[]>(
    keys.cardSearch(search ?? ""),
    search ? `/api/v1/cards?q=${encodeURIComponent(search)}` : null,
  ).data;
  const [check, setCheck] = useState<string>("card_pin");
  // Today's booked handovers whose holder has checked in: the card is looked for from the booking.
  const day = today();
  const booked = useGet<StaffReservation[]>(
    keys.reservationsOf(day),
    `/api/v1/reservations?date=${day}`,
  ).data?.filter((r) => r.procedure === "handover" && r.status === "checked_in");
  const [reservationId, setReservationId] = useState<string | null>(null);
  const fromBooking = (r: StaffReservation) => {
    const kana = r.nameKana ?? "";
    setQ(kana);
    setSearch(kana.trim() || null);
    setReservationId(r.id);
  };
  const step = (card: CardOut, path: string, body: unknown, done: StringKey) =>
    command.run(async () => {
      await api("POST", `/api/v1/cards/${card.id}/${path}`, body);
      return t(done, { ref: card.noticeRef });
    });
  const list = (
    title: string,
    cards: CardOut[] | undefined,
    action?: { label: string; run: (c: CardOut) => void },
  ) => (
    <section className="panel card-queue" aria-label={title}>
      <h2 className="section-title">
        {title} <span className="count">{cards?.length ?? 0}</span>
      </h2>
      <ul className="plain">
        {cards?.slice(0, 50).map((c) => (
          <li key={c.id} className="card-line">
            <span className="ref">{c.noticeRef}</span> {c.nameKana}{" "}
            {c.express && <span className="badge">{t("cards.express")}</span>}{" "}
            {c.state === "received" && c.setupDueOn && (
              <span className={c.setupDueOn < day ? "badge overdue" : "badge due"}>
                {c.setupDueOn < day ? t("cards.overdue") : t("cards.dueOn")}{" "}
                {c.setupDueOn.slice(5).replace("-", "/")}
              </span>
            )}{" "}
            <span className="muted">{[c.locker, c.slot].filter(Boolean).join("-")}</span>
            {action && (
              <button type="button" disabled={command.pending} onClick={() => action.run(c)}>
                {action.label}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <>
      {booked && booked.length > 0 && (
        <section className="panel wide-panel" aria-label={t("cards.bookedToday")}>
          <h2 className="section-title">{t("cards.bookedToday")}</h2>
          <ul className="plain">
            {booked.map((r) => (
              <li key={r.id} className="card-line">
                <span className="ref">{tokyoTime(r.start)}</span> {r.nameKana}{" "}
                <span className="muted">{r.code}</span>
                <button type="button" onClick={() => fromBooking(r)}>
                  {t("cards.findFromBooking")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        className="panel wide-panel card-find"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim() || null);
          setReservationId(null);
        }}
      >
        <label htmlFor="card-find">{t("cards.find")}</label>
        <input
          id="card-find"
          value={q}
          placeholder="ヤマダ 1980-04-01"
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit">{t("cards.search")}</button>
        <label htmlFor="card-check">{t("cards.identityCheck")}</label>
        <select id="card-check" value={check} onChange={(e) => setCheck(e.target.value)}>
          {IDENTITY_CHECKS.map((c) => (
            <option key={c} value={c}>
              {label(IDENTITY_CHECK_LABELS[c])}
            </option>
          ))}
        </select>
        {found && found.length === 0 && <p className="muted">{t("cards.none")}</p>}
        <ul className="plain">
          {found?.map((c) => (
            <li key={c.id} className="card-line">
              <span className="ref">{c.noticeRef}</span> {c.nameKana} {c.birthDate}{" "}
              <span className="badge">{label(CARD_STATE_LABELS[c.state])}</span>
              {c.state !== "handed_over" && c.state !== "returned" && c.state !== "defective" && (
                <button
                  type="button"
                  className="primary"
                  disabled={command.pending}
                  onClick={() =>
                    void step(
                      c,
                      "handover",
                      { identityCheck: check, ...(reservationId ? { reservationId } : {}) },
                      "cards.handedOver",
                    )
                  }
                >
                  {t("cards.handOver")}
                </button>
              )}
            </li>
          ))}
        </ul>
      </form>
      <OutcomeLine message={command.message} />
      <div className="card-queues">
        {list(t("cards.setupQueue"), queues?.setup, {
          label: t("cards.setUp"),
          run: (c) => void step(c, "setup", {}, "cards.didSetUp"),
        })}
        {list(t("cards.noticeQueue"), queues?.notices, {
          label: t("cards.sendNotice"),
          run: (c) => void step(c, "steps", { action: "send_notice" }, "cards.noticeSent"),
        })}
        {list(t("cards.reminderQueue"), queues?.reminders, {
          label: t("cards.remind"),
          run: (c) => void step(c, "steps", { action: "remind" }, "cards.reminded"),
        })}
        {list(
          t("cards.disposalQueue"),
          queues?.disposals,
          canDispose
            ? {
                label: t("cards.dispose"),
                run: (c) => void step(c, "steps", { action: "dispose" }, "cards.disposed"),
              }
            : undefined,
        )}
        {list(t("cards.expressQueue"), queues?.express)}
      </div>
    </>
  );
}
