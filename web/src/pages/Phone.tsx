import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { phoneCallBody, type serviceRecordSchema } from "../../../src/queue/contract.ts";
import { api, serverNow } from "../api.ts";
import { contractResolver, Field } from "../forms.tsx";
import { useLang, useT } from "../i18n.ts";
import { keys } from "../queryClient.ts";
import { OutcomeLine, useCatalogue, useCommand, useGet } from "../server.tsx";
import { ManualSearch } from "./manual/ManualSearch.tsx";

type CallRecord = z.infer<typeof serviceRecordSchema>;
/** What the clerk fills in at the end of a call; the times come from the call itself. */
const callForm = phoneCallBody.pick({ category: true, outcome: true, overrideReason: true });
type CallFields = z.infer<typeof callForm>;

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
  const form = useForm<CallFields>({
    defaultValues: { category: "notice", outcome: "answered", overrideReason: "" },
    resolver: contractResolver(callForm, lang),
  });
  const { errors } = form.formState;
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

  const save = form.handleSubmit(({ overrideReason, ...call }) => {
    if (!startedAt) return;
    void run(async () => {
      await api("POST", "/api/v1/phone/calls", {
        startedAt: startedAt.toISOString(),
        endedAt: serverNow().toISOString(),
        ...call,
        ...(overrideReason ? { overrideReason } : {}),
      });
      setStartedAt(null);
      setElapsed(0);
      form.reset();
      return t("phone.recorded");
    });
  });

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
            <form id="call-form" onSubmit={save} noValidate>
              <div className="grid">
                <Field label={t("phone.category")} error={errors.category}>
                  <select {...form.register("category")}>
                    {Object.entries(catalogue?.callCategories ?? {}).map(([code, l]) => (
                      <option key={code} value={code}>
                        {l[lang]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t("phone.outcome")} error={errors.outcome}>
                  <select {...form.register("outcome")}>
                    {Object.entries(catalogue?.callOutcomes ?? {}).map(([code, l]) => (
                      <option key={code} value={code}>
                        {l[lang]}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              <Field label={t("phone.reasonIfOutsideThePhoneHours")} error={errors.overrideReason}>
                <input maxLength={200} {...form.register("overrideReason")} />
              </Field>
            </form>
            <button type="submit" form="call-form" className="primary big" disabled={pending}>
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
      {/* The manual at hand while the caller waits: results open the section in a new tab. */}
      <div className="panel wide-panel">
        <ManualSearch />
      </div>
    </section>
  );
}
