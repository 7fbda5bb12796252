import type { DailyReportOut } from "../../../../src/reports/contract.ts";
import { inOrderOf } from "../../../../src/reports/monthly.ts";
import { ApiError, type Me } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useCatalogue, useGet } from "../../server.tsx";
import { tokyoTime } from "../../time.ts";
import { ReportActions, ReportHeading, shownOf } from "./ReportActions.tsx";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** 日次報告書: the day's counts, waits, bookings, staffing and calls; submitted, then confirmed. */
export function DailyReport({ me, date }: { me: Me; date: string }) {
  const t = useT();
  const lang = useLang();
  const catalogue = useCatalogue().data;
  const key = keys.report("daily", date);
  const { data, error } = useGet<DailyReportOut>(key, `/api/v1/reports/daily/${date}`);
  if (error)
    return (
      <p role="alert" className="error">
        {error instanceof ApiError ? error.message : String(error)}
      </p>
    );
  if (!data) return <p className="muted">…</p>;
  const { figures: f, version: shown } = shownOf(data);
  const name = (code: string) =>
    catalogue?.procedures.find((p) => p.code === code)?.[lang === "en" ? "nameEn" : "nameJa"] ??
    code;
  const group = (code: string) => {
    const g = catalogue?.groups.find((x) => x.groupCode === code);
    return (lang === "en" ? g?.nameEn : g?.nameJa) ?? code;
  };
  return (
    <div className="report">
      <ReportHeading
        kind="daily"
        period={date}
        status={data.status}
        version={shown}
        files={f !== null}
      />
      {!f && <p className="notice">{t("reports.closedDay")}</p>}
      {!shown && f && <p className="notice">{t("reports.draftNote")}</p>}
      {f && (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("reports.procedure")}</th>
                  <th scope="col" className="num">
                    {t("reports.completed")}
                  </th>
                  <th scope="col" className="num">
                    {t("reports.notCompleted")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {inOrderOf(catalogue?.procedures.map((p) => p.code) ?? [], f.counter).map(
                  ([code, o]) => (
                    <tr key={code}>
                      <th scope="row">{name(code)}</th>
                      <td className="num">{o.completed}</td>
                      <td className="num">{o.notCompleted}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
          <dl className="facts">
            <dt>{t("reports.visits")}</dt>
            <dd>{t("reports.visitsValue", f.visits)}</dd>
            <dt>{t("reports.bookings")}</dt>
            <dd>{t("reports.bookingsValue", f.reservations)}</dd>
            {f.backOffice && (
              <>
                <dt>{t("reports.cards")}</dt>
                <dd>{t("reports.cardsValue", f.backOffice)}</dd>
              </>
            )}
            <dt>{t("reports.waiting")}</dt>
            <dd>
              {t("reports.waitingValue", {
                mean: f.waiting.all.meanMinutes,
                p90: f.waiting.all.p90Minutes,
                max: f.waiting.all.maxMinutes,
                people: f.waiting.all.people,
              })}{" "}
              <span className="muted">
                {f.waiting.groups
                  .map((g) => `${group(g.groupCode)} ${pct(g.withinTarget)}`)
                  .join("・")}
              </span>
            </dd>
            {f.longestQueue && (
              <>
                <dt>{t("reports.longestQueue")}</dt>
                <dd>
                  {t("reports.longestQueueValue", {
                    people: f.longestQueue.people,
                    at: tokyoTime(f.longestQueue.at),
                  })}
                </dd>
              </>
            )}
            <dt>{t("reports.leads")}</dt>
            <dd>
              {f.staffing.leadAlwaysPresent ? t("reports.leadsAlways") : t("reports.leadsMissing")}
            </dd>
            <dt>{t("reports.phoneCalls")}</dt>
            <dd>{t("reports.callsValue", { calls: f.phone.calls })}</dd>
            <dt>{t("reports.incidents")}</dt>
            <dd>
              {f.incidents.length + f.equipmentTrouble.length === 0
                ? t("reports.none")
                : [...f.equipmentTrouble, ...f.incidents].map((e) => e.summary).join("、")}
            </dd>
          </dl>
          <ReportActions
            me={me}
            kind="daily"
            period={date}
            status={data.status}
            versions={data.versions}
            invalidate={[key, keys.reportList]}
          />
        </>
      )}
    </div>
  );
}
