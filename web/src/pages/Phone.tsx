import { useEffect, useState } from "react";
import type { z } from "zod";
import type { serviceRecordSchema } from "../../../src/queue/contract.ts";
import { api, serverNow } from "../api.ts";
import { useLang, useT } from "../i18n.ts";
import { keys } from "../queryClient.ts";
import { OutcomeLine, useCatalogue, useCommand, useGet } from "../server.tsx";

type CallRecord = z.infer<typeof serviceRecordSchema>;

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
  const t = useT();
  const catalogue = useCatalogue().data;
  const [startedAt, setStartedAt] = useState<Date | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [category, setCategory] = useState("notice");
  const [outcome, setOutcome] = useState("answered");
  const [reason, setReason] = useState("");
  const day = tokyoDate();
  const calls = (
    useGet<CallRecord[]>(
      [...keys.serviceRecords, day],
      `/api/v1/service-records?from=${day}&to=${day}`,
    ).data ?? []
  )
    .filter((r) => r.channel === "phone")
    .reverse();
  const { run, pending, message, setMessage } = useCommand([keys.serviceRecords]);
  useEffect(() => {
    if (!startedAt) return;
    const timer = setInterval(
      () => setElapsed(Math.floor((serverNow().getTime() - startedAt.getTime()) / 1000)),
      1000,
    );
    return () => clearInterval(timer);
  }, [startedAt]);

  const save = () => {
    if (!startedAt) return;
    void run(async () => {
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
      return t("phone.recorded");
    });
  };

  const label = (
    table: { [code: string]: { ja: string; en: string } } | undefined,
    code: string | null,
  ) => (code && table?.[code] ? table[code][lang] : (code ?? "—"));
  return (
    <section aria-labelledby="phone-title">
      <h1 id="phone-title">{t("phone.phone")}</h1>
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
            {t("phone.callStarted")}
          </button>
        ) : (
          <>
            <p className="call-timer" aria-live="off">
              {t("phone.onTheCall")} {Math.floor(elapsed / 60)}:
              {String(elapsed % 60).padStart(2, "0")}
            </p>
            <div className="grid">
              <label>
                {t("phone.category")}
                <select value={category} onChange={(e) => setCategory(e.target.value)}>
                  {Object.entries(catalogue?.callCategories ?? {}).map(([code, l]) => (
                    <option key={code} value={code}>
                      {l[lang]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("phone.outcome")}
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
              {t("phone.reasonIfOutsideThePhoneHours")}
              <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
            </label>
            <button type="button" className="primary big" onClick={save} disabled={pending}>
              {t("phone.callEndedRecord")}
            </button>
          </>
        )}
        <OutcomeLine message={message} />
      </div>
      <h2 className="section-title">{t("phone.todaySCalls")}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("phone.start")}</th>
              <th scope="col">{t("phone.end")}</th>
              <th scope="col">{t("phone.category2")}</th>
              <th scope="col">{t("phone.outcome2")}</th>
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
