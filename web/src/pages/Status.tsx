import { useEffect, useRef, useState } from "react";
import { api, errorText } from "../api.ts";
import { useLang } from "../i18n.ts";
import { useEventStream, type WaitRange, waitText } from "../live.ts";

interface TicketView {
  number: string;
  status: string;
  procedures: string[];
  position: number | null;
  estimate: WaitRange | null;
  noCounterOpen: boolean;
  counterName: string | null;
  serviceDay: string;
}

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
  const [view, setView] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notify, setNotify] = useState(
    typeof Notification !== "undefined" && Notification.permission === "granted",
  );
  const notified = useRef(false);
  const base = `/api/v1/public/${encodeURIComponent(tenant)}/tickets/${encodeURIComponent(token)}`;

  useEffect(() => {
    api<TicketView>("GET", base).then(setView, (e) => setError(errorText(e, lang)));
  }, [base, lang]);
  useEventStream<TicketView>(error ? null : `${base}/events`, "ticket", (next) => {
    setView(next);
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
    held: L("保留中です。窓口へお声がけください", "On hold: please speak to the counter"),
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
          {view.status === "waiting" && typeof Notification !== "undefined" && !notify && (
            <button type="button" className="primary" onClick={() => void askNotify()}>
              {L("順番が近づいたら通知する", "Notify me when my turn is near")}
            </button>
          )}
          <p className="status-foot">
            {L("この画面は自動で更新されます。", "This page updates by itself.")}
          </p>
        </section>
      )}
    </main>
  );
}
