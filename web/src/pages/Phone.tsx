import { useCallback, useEffect, useState } from "react";
import { api, errorText, serverNow } from "../api.ts";
import { useLang } from "../i18n.ts";
import type { Catalogue } from "../queue/types.ts";

interface Record {
  recordId: string;
  channel: string;
  category: string | null;
  outcome: string;
  startedAt: string;
  finishedAt: string;
}

const tokyoDate = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(serverNow());
const hm = (iso: string) =>
  new Date(iso).toLocaleTimeString("ja-JP", {
    timeZone: "Asia/Tokyo",
    hour: "2-digit",
    minute: "2-digit",
  });

/** 電話対応: start a call, end it with its category and outcome; today's calls below. */
export function Phone() {
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [startedAt, setStartedAt] = useState<Date | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [category, setCategory] = useState("notice");
  const [outcome, setOutcome] = useState("answered");
  const [reason, setReason] = useState("");
  const [calls, setCalls] = useState<Record[]>([]);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const day = tokyoDate();

  const load = useCallback(async () => {
    const records = await api<Record[]>("GET", `/api/v1/service-records?from=${day}&to=${day}`);
    setCalls(records.filter((r) => r.channel === "phone").reverse());
  }, [day]);
  useEffect(() => {
    void api<Catalogue>("GET", "/api/v1/queue/catalogue").then(setCatalogue);
    void load();
  }, [load]);
  useEffect(() => {
    if (!startedAt) return;
    const timer = setInterval(
      () => setElapsed(Math.floor((serverNow().getTime() - startedAt.getTime()) / 1000)),
      1000,
    );
    return () => clearInterval(timer);
  }, [startedAt]);

  const save = async () => {
    if (!startedAt) return;
    try {
      await api("POST", "/api/v1/phone/calls", {
        startedAt: startedAt.toISOString(),
        endedAt: serverNow().toISOString(),
        category,
        outcome,
        ...(reason ? { overrideReason: reason } : {}),
      });
      setStartedAt(null);
      setElapsed(0);
      setReason("");
      setMessage({ kind: "ok", text: L("記録しました。", "Recorded.") });
      await load();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };

  const label = (
    table: { [code: string]: { ja: string; en: string } } | undefined,
    code: string | null,
  ) => (code && table?.[code] ? table[code][lang] : (code ?? "—"));
  return (
    <section aria-labelledby="phone-title">
      <h1 id="phone-title">{L("電話対応", "Phone")}</h1>
      <div className="panel">
        {!startedAt ? (
          <button
            type="button"
            className="primary big"
            onClick={() => {
              setStartedAt(serverNow());
              setMessage(null);
            }}
          >
            {L("通話開始", "Call started")}
          </button>
        ) : (
          <>
            <p className="call-timer" aria-live="off">
              {L("通話中", "On the call")} {Math.floor(elapsed / 60)}:
              {String(elapsed % 60).padStart(2, "0")}
            </p>
            <div className="grid">
              <label>
                {L("問い合わせ区分", "Category")}
                <select value={category} onChange={(e) => setCategory(e.target.value)}>
                  {Object.entries(catalogue?.callCategories ?? {}).map(([code, l]) => (
                    <option key={code} value={code}>
                      {l[lang]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {L("対応結果", "Outcome")}
                <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
                  {Object.entries(catalogue?.callOutcomes ?? {}).map(([code, l]) => (
                    <option key={code} value={code}>
                      {l[lang]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label>
              {L("受付時間外の場合の理由", "Reason, if outside the phone hours")}
              <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
            </label>
            <button type="button" className="primary big" onClick={() => void save()}>
              {L("通話終了・記録", "Call ended: record")}
            </button>
          </>
        )}
        {message && (
          <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
            {message.text}
          </p>
        )}
      </div>
      <h2 className="section-title">{L("本日の通話", "Today's calls")}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{L("開始", "Start")}</th>
              <th scope="col">{L("終了", "End")}</th>
              <th scope="col">{L("区分", "Category")}</th>
              <th scope="col">{L("結果", "Outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.recordId}>
                <td>{hm(c.startedAt)}</td>
                <td>{hm(c.finishedAt)}</td>
                <td>{label(catalogue?.callCategories, c.category)}</td>
                <td>{label(catalogue?.callOutcomes, c.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
