import { useNavigate } from "@tanstack/react-router";
import type { z } from "zod";
import { addDays } from "../../../../src/calendar/dates.ts";
import type { tenantSchema } from "../../../../src/platform/tenancy/tenant.ts";
import { REPORT_STATUS_LABELS, type ReportStatus } from "../../../../src/reports/contract.ts";
import type { Me } from "../../api.ts";
import { useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { lastMonth, today } from "../../time.ts";
import { DailyReport } from "./DailyReport.tsx";
import { Investigations } from "./Investigations.tsx";
import { MonthlyReport } from "./MonthlyReport.tsx";

type Tenant = z.infer<typeof tenantSchema>;

const monthsBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = from; m <= to; ) {
    out.push(m);
    const [y, mo] = m.split("-").map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  }
  return out;
};

/**
 * 報告書 (仕様 9): the monthly completion reports month by month with where each stands, and
 * the daily reports; the leads draft and submit, the city confirms, inspects, returns.
 */
export function Reports({
  me,
  kind,
  period,
}: {
  me: Me;
  kind: "monthly" | "daily" | "investigations";
  period?: string;
}) {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const go = (next: { kind: "monthly" | "daily" | "investigations"; period?: string }) =>
    void navigate({ to: "/reports", search: next });
  const tenant = useGet<Tenant>(keys.tenant, "/api/v1/tenant").data;
  const months = tenant
    ? monthsBetween(tenant.serviceStart.slice(0, 7), tenant.contractEnd.slice(0, 7))
    : [];
  const list = useGet<{ period: string; status: ReportStatus }[]>(
    keys.reportList,
    tenant ? `/api/v1/reports?kind=monthly&from=${months[0]}&to=${months.at(-1)}` : null,
  ).data;
  const statusOf = (m: string) => list?.find((r) => r.period === m)?.status ?? "draft";
  // A period of the wrong shape (a hand-edited address) falls back to the usual one.
  const month =
    kind === "monthly"
      ? period && /^\d{4}-\d{2}$/.test(period)
        ? period
        : lastMonth()
      : undefined;
  const date =
    kind === "daily"
      ? period && /^\d{4}-\d{2}-\d{2}$/.test(period)
        ? period
        : addDays(today(), -1)
      : undefined;
  return (
    <section aria-labelledby="reports-title" className="reports">
      <div className="title-row">
        <h1 id="reports-title">{t("reports.title")}</h1>
        <div className="actions" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={kind === "monthly"}
            className={kind === "monthly" ? "chosen" : undefined}
            onClick={() => go({ kind: "monthly" })}
          >
            {t("reports.monthly")}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={kind === "daily"}
            className={kind === "daily" ? "chosen" : undefined}
            onClick={() => go({ kind: "daily" })}
          >
            {t("reports.daily")}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={kind === "investigations"}
            className={kind === "investigations" ? "chosen" : undefined}
            onClick={() => go({ kind: "investigations" })}
          >
            {t("reports.investigations")}
          </button>
        </div>
      </div>
      {month && (
        <>
          <fieldset className="month-strip">
            <legend>{t("reports.year")}</legend>
            {months.map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={m === month}
                className={`month-chip report-${statusOf(m)}${m === month ? " chosen" : ""}`}
                onClick={() => go({ kind: "monthly", period: m })}
              >
                <span>{Number(m.slice(5))}月</span>
                <small>{label(REPORT_STATUS_LABELS[statusOf(m)])}</small>
              </button>
            ))}
          </fieldset>
          <MonthlyReport me={me} month={month} />
        </>
      )}
      {date && (
        <>
          <label className="inline">
            {t("reports.date")}
            <input
              type="date"
              value={date}
              onChange={(e) => e.target.value && go({ kind: "daily", period: e.target.value })}
            />
          </label>
          <DailyReport me={me} date={date} />
        </>
      )}
      {kind === "investigations" && <Investigations me={me} />}
    </section>
  );
}
