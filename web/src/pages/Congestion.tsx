import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { congestionSchema } from "../../../src/queue/contract.ts";
import { errorText } from "../api.ts";
import { useLang, useT } from "../i18n.ts";
import { useEventStream, waitText } from "../live.ts";
import { Phrases } from "../Phrases.tsx";
import { CrowdingBadge, estimateLabel } from "../queue/Crowding.tsx";
import { useGet } from "../server.tsx";

/** The congestion answer: the server's own contract type. */
type CongestionData = z.infer<typeof congestionSchema>;

/** 混雑状況: for the city's website (embeddable with ?embed=1); no sign-in, no personal data. */
export function Congestion({
  tenant,
  embed,
  onToggleLang,
}: {
  tenant: string;
  /** Embedded in the city's website (`?embed=1`): no language button, no page chrome. */
  embed: boolean;
  onToggleLang: () => void;
}) {
  const lang = useLang();
  const t = useT();
  const client = useQueryClient();
  const url = `/api/v1/public/${encodeURIComponent(tenant)}/congestion`;
  const key = ["public", tenant, "congestion"];
  const loaded = useGet<CongestionData>(key, url, { staleTime: Number.POSITIVE_INFINITY });
  const data = loaded.data;
  const error = loaded.error ? errorText(loaded.error, lang) : null;
  useEventStream<CongestionData>(loaded.error ? null : `${url}/events`, "congestion", (next) =>
    client.setQueryData(key, next),
  );

  return (
    <main className={`congestion${embed ? " embed" : ""}`} id="main">
      <header className="congestion-head">
        <h1>
          {data
            ? `${lang === "ja" ? data.nameJa : data.nameEn} ${t("congestion.howBusyItIs")}`
            : t("congestion.howBusyItIs2")}
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
                  <Phrases>{lang === "ja" ? g.nameJa : g.nameEn}</Phrases>
                </h2>
                <CrowdingBadge crowding={g.crowding} />
                <dl className="facts">
                  <dt>{t("congestion.waiting")}</dt>
                  <dd>{t("congestion.text", { waiting: g.waiting })}</dd>
                  <dt>{t("congestion.lastCalled")}</dt>
                  <dd>{g.lastCalled ?? "—"}</dd>
                  <dt>{estimateLabel(lang)}</dt>
                  <dd>{waitText(g.estimate, lang)}</dd>
                </dl>
              </article>
            ))}
          </div>
          <p className="congestion-updated">
            {t("congestion.updated")}:{" "}
            {new Date(data.generatedAt).toLocaleTimeString(lang === "ja" ? "ja-JP" : "en-GB", {
              timeZone: "Asia/Tokyo",
              hour: "2-digit",
              minute: "2-digit",
              second: "2-digit",
            })}
            {data.openCounters === 0 && ` — ${t("congestion.noCounterIsOpenNow")}`}
          </p>
        </>
      )}
    </main>
  );
}
