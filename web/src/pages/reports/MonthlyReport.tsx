import { CATEGORY_LABELS, type MonthlyReportOut } from "../../../../src/reports/contract.ts";
import { inCategoryOrder } from "../../../../src/reports/monthly.ts";
import type { Me } from "../../api.ts";
import { useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { ReportActions, ReportHeading, shownOf } from "./ReportActions.tsx";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * 月次業務完了報告書: the month's totals in the specification's categories, the service level
 * against the target, day by day; the leads see the draft until they submit, the city what was
 * submitted; every version with the city's decision.
 */
export function MonthlyReport({ me, month }: { me: Me; month: string }) {
  const t = useT();
  const label = useLabel();
  const key = keys.report("monthly", month);
  const { data, error } = useGet<MonthlyReportOut>(key, `/api/v1/reports/monthly/${month}`);
  if (error)
    return (
      <p role="alert" className="error">
        {error.message}
      </p>
    );
  if (!data) return <p className="muted">…</p>;
  const { figures, version: shown } = shownOf(data);
  const totals = figures ? inCategoryOrder(figures.totals) : [];
  const sum = (k: "completed" | "notCompleted") => totals.reduce((s, [, o]) => s + o[k], 0);
  return (
    <div className="report">
      <ReportHeading
        kind="monthly"
        period={month}
        status={data.status}
        version={shown}
        files={figures !== null}
      />
      {!shown && figures && <p className="notice">{t("reports.draftNote")}</p>}
      {figures && (
        <>
          <div className="table-wrap">
            <table className="report-totals">
              <thead>
                <tr>
                  <th scope="col">{t("reports.category")}</th>
                  <th scope="col" className="num">
                    {t("reports.completed")}
                  </th>
                  <th scope="col" className="num">
                    {t("reports.notCompleted")}
                  </th>
                  <th scope="col" className="num">
                    {t("reports.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.map(([code, o]) => (
                  <tr key={code}>
                    <th scope="row">{label(CATEGORY_LABELS[code], code)}</th>
                    <td className="num">{o.completed}</td>
                    <td className="num">{o.notCompleted}</td>
                    <td className="num">{o.completed + o.notCompleted}</td>
                  </tr>
                ))}
                <tr className="total">
                  <th scope="row">{t("reports.total")}</th>
                  <td className="num">{sum("completed")}</td>
                  <td className="num">{sum("notCompleted")}</td>
                  <td className="num">{sum("completed") + sum("notCompleted")}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <dl className="facts">
            <dt>{t("reports.serviceLevel")}</dt>
            <dd>
              {t("reports.serviceLevelValue", {
                attained: pct(figures.serviceLevel.attained),
                target: pct(figures.serviceLevel.target),
                minutes: figures.serviceLevel.targetMinutes,
              })}{" "}
              <span className="muted">
                {t("reports.daysMet", {
                  met: figures.serviceLevel.daysMet,
                  days: figures.serviceLevel.days,
                })}
              </span>
            </dd>
            <dt>{t("reports.waiting")}</dt>
            <dd>
              {t("reports.waitingValue", {
                mean: figures.waiting.meanMinutes,
                p90: figures.waiting.p90Minutes,
                max: figures.waiting.maxMinutes,
                people: figures.waiting.people,
              })}
            </dd>
            <dt>{t("reports.bookings")}</dt>
            <dd>{t("reports.bookingsValue", figures.reservations)}</dd>
            <dt>{t("reports.staffHours")}</dt>
            <dd>{t("reports.hoursValue", { hours: figures.staffing.paidHours.toFixed(1) })}</dd>
            <dt>{t("reports.training")}</dt>
            <dd>
              {figures.training.length === 0
                ? t("reports.none")
                : figures.training.map((s) => `${s.heldOn} ${s.title}`).join("、")}
            </dd>
            <dt>{t("reports.rosterChanges")}</dt>
            <dd>
              {figures.rosterChanges.length === 0
                ? t("reports.none")
                : figures.rosterChanges.map((c) => c.summary).join("、")}
            </dd>
          </dl>
          <details className="panel wide-panel">
            <summary>{t("reports.days")}</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("reports.day")}</th>
                    <th scope="col" className="num">
                      {t("reports.people")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.completed")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.notCompleted")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.phone")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.meanWait")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.withinTarget")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.staff")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {figures.days.map((d) => (
                    <tr key={d.date}>
                      <td>{d.date}</td>
                      <td className="num">{d.people}</td>
                      <td className="num">{d.completed}</td>
                      <td className="num">{d.notCompleted}</td>
                      <td className="num">{d.phoneCalls}</td>
                      <td className="num">{d.meanWaitMinutes}</td>
                      <td className="num">{pct(d.withinTarget)}</td>
                      <td className="num">{d.staffOnDuty}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
      <ReportActions
        me={me}
        kind="monthly"
        period={month}
        status={data.status}
        versions={data.versions}
        invalidate={[key, keys.reportList, keys.payments]}
      />
    </div>
  );
}
