import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { z } from "zod";
import type { ticketViewSchema } from "../../../../src/queue/contract.ts";
import { errorText } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { useEventStream, waitText } from "../../live.ts";
import { useGet } from "../../server.tsx";
import { TurnNotice } from "./TurnNotice.tsx";

type TicketView = z.infer<typeof ticketViewSchema>;

/** The status page of the person waiting, opened from the ticket's QR code. No sign-in, no personal data. */
export function Status({
  tenant,
  token,
  onToggleLang,
}: {
  tenant: string;
  token: string;
  onToggleLang: () => void;
}) {
  const lang = useLang();
  const t = useT();
  const client = useQueryClient();
  const [notify, setNotify] = useState(
    typeof Notification !== "undefined" && Notification.permission === "granted",
  );
  const notified = useRef(false);
  const base = `/api/v1/public/${encodeURIComponent(tenant)}/tickets/${encodeURIComponent(token)}`;
  const key = ["public", tenant, "ticket", token];
  const loaded = useGet<TicketView>(key, base, { staleTime: Number.POSITIVE_INFINITY });
  const view = loaded.data;
  const error = loaded.error ? errorText(loaded.error, lang) : null;
  // The stream writes every change into the cache; the page only reads it.
  useEventStream<TicketView>(loaded.error ? null : `${base}/events`, "ticket", (next) => {
    client.setQueryData(key, next);
    const near = next.status === "called" || (next.position !== null && next.position <= 2);
    if (notify && near && !notified.current) {
      notified.current = true;
      new Notification(
        next.status === "called" ? t("status.youAreBeingCalled") : t("status.yourTurnIsNear"),
        {
          body:
            next.status === "called"
              ? `${next.number} → ${next.counterName ?? ""}`
              : `${next.number}`,
        },
      );
    }
  });

  const askNotify = async () => setNotify((await Notification.requestPermission()) === "granted");
  const headline: Record<string, string> = {
    waiting: t("status.pleaseWait"),
    called: t("status.youAreBeingCalled"),
    serving: t("status.beingServed"),
    held: t("status.onHoldYouWillBeCalled"),
    done: t("status.completed"),
    no_show: t("status.cancelledAfterNoAnswerToThe"),
    cancelled: t("status.cancelled"),
  };

  return (
    <main className="status-page" id="main">
      <header className="status-head">
        <span className="brand-mark" aria-hidden="true">
          窓
        </span>
        <span>{t("status.myNumberCardCounterYourTurn")}</span>
        <button
          type="button"
          className="ghost"
          lang={lang === "ja" ? "en" : "ja"}
          onClick={onToggleLang}
        >
          {lang === "ja" ? "English" : "日本語"}
        </button>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {view && (
        <section className={`status-card status-${view.status}`} aria-live="polite">
          <p className="status-label">{t("status.yourNumber")}</p>
          <p className="status-number">{view.number}</p>
          <h1 className="status-headline">{headline[view.status] ?? view.status}</h1>
          {view.status === "called" && view.counterName && (
            <p className="status-counter">
              {t("status.pleaseGoTo", {
                counterName: view.counterName,
                value: view.counterName.replace(/(\d+)番窓口/, "counter $1"),
              })}
            </p>
          )}
          {view.status === "waiting" && (
            <dl className="status-facts">
              <dt>{t("status.yourPlace")}</dt>
              <dd>
                {view.position === 1
                  ? t("status.next")
                  : t("status.no", { position: view.position })}
              </dd>
              <dt>{t("status.estimatedWait")}</dt>
              <dd>{waitText(view.estimate, lang, view.noCounterOpen)}</dd>
            </dl>
          )}
          {view.status === "waiting" && (
            <TurnNotice
              base={base}
              onScreen={
                typeof Notification !== "undefined" &&
                !notify && (
                  <button type="button" onClick={() => void askNotify()}>
                    {t("status.onThisScreen")}
                  </button>
                )
              }
            />
          )}
          <p className="status-foot">{t("status.thisPageUpdatesByItself")}</p>
        </section>
      )}
    </main>
  );
}
