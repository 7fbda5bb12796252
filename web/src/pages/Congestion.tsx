import { useEffect, useState } from "react";
import type { z } from "zod";
import type { congestionSchema } from "../../../src/queue/contract.ts";
import { api, errorText } from "../api.ts";
import { useLang } from "../i18n.ts";
import { useEventStream, waitText } from "../live.ts";
import { CrowdingBadge, estimateLabel } from "../queue/Crowding.tsx";

/** The congestion answer: the server's own contract type. */
type CongestionData = z.infer<typeof congestionSchema>;

/** 混雑状況: for the city's website (embeddable with ?embed=1); no sign-in, no personal data. */
export function Congestion({ tenant, onToggleLang }: { tenant: string; onToggleLang: () => void }) {
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const embed = new URLSearchParams(window.location.search).has("embed");
  const [data, setData] = useState<CongestionData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/v1/public/${encodeURIComponent(tenant)}/congestion`;
  useEffect(() => {
    api<CongestionData>("GET", url).then(setData, (e) => setError(errorText(e, lang)));
  }, [url, lang]);
  useEventStream<CongestionData>(error ? null : `${url}/events`, "congestion", setData);

  return (
    <main className={`congestion${embed ? " embed" : ""}`} id="main">
      <header className="congestion-head">
        <h1>
          {data
            ? `${lang === "ja" ? data.nameJa : data.nameEn} ${L("混雑状況", "— how busy it is")}`
            : L("混雑状況", "How busy it is")}
        </h1>
        {!embed && (
          <button
            type="button"
            className="ghost"
            lang={lang === "ja" ? "en" : "ja"}
            onClick={onToggleLang}
          >
            {lang === "ja" ? "English" : "日本語"}
          </button>
        )}
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {data && (
        <>
          <div className="congestion-grid">
            {data.groups.map((g) => (
              <article className="congestion-card" key={g.groupCode}>
                <h2>
                  <span className="group-prefix">{g.prefix}</span>{" "}
                  {lang === "ja" ? g.nameJa : g.nameEn}
                </h2>
                <CrowdingBadge crowding={g.crowding} />
                <dl className="facts">
                  <dt>{L("お待ちの人数", "Waiting")}</dt>
                  <dd>{L(`${g.waiting}人`, `${g.waiting}`)}</dd>
                  <dt>{L("最後に呼ばれた番号", "Last called")}</dt>
                  <dd>{g.lastCalled ?? "—"}</dd>
                  <dt>{estimateLabel(lang)}</dt>
                  <dd>{waitText(g.estimate, lang)}</dd>
                </dl>
              </article>
            ))}
          </div>
          <p className="congestion-updated">
            {L("更新", "Updated")}:{" "}
            {new Date(data.generatedAt).toLocaleTimeString(lang === "ja" ? "ja-JP" : "en-GB", {
              timeZone: "Asia/Tokyo",
              hour: "2-digit",
              minute: "2-digit",
              second: "2-digit",
            })}
            {data.openCounters === 0 &&
              ` — ${L("現在受付窓口は開いていません", "No counter is open now")}`}
          </p>
        </>
      )}
    </main>
  );
}
