import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { z } from "zod";
import type { ticketViewSchema } from "../../../../src/queue/contract.ts";
import { errorText } from "../../api.ts";
import { useLang } from "../../i18n.ts";
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
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
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
        next.status === "called"
          ? L("呼び出されました", "You are being called")
          : L("まもなく順番です", "Your turn is near"),
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
    waiting: L("お待ちください", "Please wait"),
    called: L("呼び出されました", "You are being called"),
    serving: L("受付中です", "Being served"),
    held: L("保留中です。準備ができ次第お呼びします", "On hold: you will be called again"),
    done: L("受付が完了しました", "Completed"),
    no_show: L("呼出に応答がなかったため取り消されました", "Cancelled after no answer to the call"),
    cancelled: L("取り消されました", "Cancelled"),
  };

  return (
    <main className="status-page" id="main">
      <header className="status-head">
        <span className="brand-mark" aria-hidden="true">
          窓
        </span>
        <span>{L("マイナンバーカード窓口 呼出状況", "My Number Card counter: your turn")}</span>
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
          <p className="status-label">{L("受付番号", "Your number")}</p>
          <p className="status-number">{view.number}</p>
          <h1 className="status-headline">{headline[view.status] ?? view.status}</h1>
          {view.status === "called" && view.counterName && (
            <p className="status-counter">
              {L(
                `${view.counterName}へお越しください`,
                `Please go to ${view.counterName.replace(/(\d+)番窓口/, "counter $1")}`,
              )}
            </p>
          )}
          {view.status === "waiting" && (
            <dl className="status-facts">
              <dt>{L("あなたの順番", "Your place")}</dt>
              <dd>
                {view.position === 1
                  ? L("次です", "Next")
                  : L(`${view.position}番目`, `No. ${view.position}`)}
              </dd>
              <dt>{L("お待ち時間の目安", "Estimated wait")}</dt>
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
                    {L("この画面で通知する", "On this screen")}
                  </button>
                )
              }
            />
          )}
          <p className="status-foot">
            {L("この画面は自動で更新されます。", "This page updates by itself.")}
          </p>
        </section>
      )}
    </main>
  );
}
