import { useMemo, useState } from "react";
import { addDays } from "../../../../src/calendar/dates.ts";
import type { DashboardOut } from "../../../../src/reports/contract.ts";
import { useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { today } from "../../time.ts";
import { Chart } from "./Chart.tsx";

const BLUE = "#0b5394";
const SKY = "#56b4e9";
const ORANGE = "#d55e00";
const INK = "#1b1f24";

/**
 * ダッシュボード (leads and the city): a range of days — volumes, waits and the service level
 * against the target, no-shows, and the staff on duty against the people arriving hour by hour.
 */
export function Dashboard() {
  const t = useT();
  const [range, setRange] = useState(() => ({
    from: addDays(today(), -30),
    to: addDays(today(), -1),
  }));
  const query = `from=${range.from}&to=${range.to}`;
  const { data, error } = useGet<DashboardOut>(
    keys.dashboard(range.from, range.to),
    `/api/v1/dashboard?${query}`,
  );
  const charts = useMemo(() => (data ? optionsOf(data, t) : null), [data, t]);
  const served = data?.days.filter((d) => d.people > 0) ?? [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <div className="title-row">
        <h1 id="dashboard-title">{t("dashboard.title")}</h1>
        <div className="actions">
          <label className="inline">
            {t("dashboard.from")}
            <input
              type="date"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
            />
          </label>
          <label className="inline">
            {t("dashboard.to")}
            <input
              type="date"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
            />
          </label>
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {data && (
        <p className="muted">
          {t("dashboard.summary", {
            days: served.length,
            people: served.reduce((s, d) => s + d.people, 0),
            met: served.filter((d) => d.withinTarget >= data.target.share).length,
            target: pct(data.target.share),
            minutes: data.target.minutes,
          })}
        </p>
      )}
      {charts && (
        <div className="dashboard-grid">
          <Chart
            title={t("dashboard.volumes")}
            label={t("dashboard.volumesLabel")}
            option={charts.volumes}
            csv={`/api/v1/dashboard/days.csv?${query}`}
            csvLabel={t("dashboard.csv")}
          />
          <Chart
            title={t("dashboard.waiting")}
            label={t("dashboard.waitingLabel")}
            option={charts.waiting}
            csv={`/api/v1/dashboard/days.csv?${query}`}
            csvLabel={t("dashboard.csv")}
          />
          <Chart
            title={t("dashboard.noShows")}
            label={t("dashboard.noShowsLabel")}
            option={charts.noShows}
            csv={`/api/v1/dashboard/days.csv?${query}`}
            csvLabel={t("dashboard.csv")}
          />
          <Chart
            title={t("dashboard.staffing")}
            label={t("dashboard.staffingLabel")}
            option={charts.staffing}
            csv={`/api/v1/dashboard/hours.csv?${query}`}
            csvLabel={t("dashboard.csv")}
          />
        </div>
      )}
    </section>
  );
}

function optionsOf(data: DashboardOut, t: ReturnType<typeof useT>) {
  const dates = data.days.map((d) => d.date.slice(5));
  const grid = { left: 48, right: 48, top: 40, bottom: 30 };
  const axis = { type: "category", data: dates };
  return {
    volumes: {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid,
      xAxis: axis,
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          name: t("dashboard.visitors"),
          type: "bar",
          data: data.days.map((d) => d.people),
          itemStyle: { color: BLUE },
        },
        {
          name: t("dashboard.calls"),
          type: "bar",
          data: data.days.map((d) => d.phoneCalls),
          itemStyle: { color: SKY },
        },
      ],
    },
    waiting: {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid,
      xAxis: axis,
      yAxis: [
        { type: "value", name: t("dashboard.minutes") },
        { type: "value", name: "%", min: 0, max: 100 },
      ],
      series: [
        {
          name: t("dashboard.meanWait"),
          type: "bar",
          data: data.days.map((d) => d.meanWaitMinutes),
          itemStyle: { color: BLUE },
        },
        {
          name: t("dashboard.p90Wait"),
          type: "line",
          data: data.days.map((d) => d.p90WaitMinutes),
          itemStyle: { color: INK },
        },
        {
          name: t("dashboard.withinTarget", { minutes: data.target.minutes }),
          type: "line",
          yAxisIndex: 1,
          data: data.days.map((d) => Math.round(d.withinTarget * 1000) / 10),
          itemStyle: { color: ORANGE },
          markLine: {
            symbol: "none",
            data: [{ yAxis: data.target.share * 100, name: t("dashboard.target") }],
            lineStyle: { color: ORANGE, type: "dashed" },
          },
        },
      ],
    },
    noShows: {
      tooltip: { trigger: "axis" },
      grid,
      xAxis: axis,
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          name: t("dashboard.noShows"),
          type: "bar",
          data: data.days.map((d) => d.noShows),
          itemStyle: { color: ORANGE },
        },
      ],
    },
    staffing: {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid,
      xAxis: { type: "category", data: data.hours.map((h) => `${h.hour}:00`) },
      yAxis: { type: "value" },
      series: [
        {
          name: t("dashboard.arrivalsPerHour"),
          type: "bar",
          data: data.hours.map((h) => h.arrivals),
          itemStyle: { color: SKY },
        },
        {
          name: t("dashboard.staffOnDuty"),
          type: "line",
          step: "start",
          data: data.hours.map((h) => h.staff),
          itemStyle: { color: BLUE },
          lineStyle: { width: 3 },
        },
      ],
    },
  };
}
