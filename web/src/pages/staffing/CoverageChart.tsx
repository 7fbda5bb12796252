import { BarChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import {
  liftText,
  type StaffingPlanOut,
  UNMET_CAUSE_LABELS,
  UNMET_LABELS,
} from "../../../../src/staffing/contract.ts";
import { useLabel, useLang, useT } from "../../i18n.ts";

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  SVGRenderer,
]);

type Interval = StaffingPlanOut["intervals"][number];
type Unmet = StaffingPlanOut["unmet"][number];

/**
 * 必要人数と配置人数: per half hour of the day, the staff the service level needs (a line per
 * kind of work) against the staff the roster puts there (bars). SVG, so it prints and scales.
 * Where a need is left unmet the range is shaded and named by its cause, and listed below with
 * what would lift it.
 */
export function CoverageChart({
  intervals,
  unmet = [],
}: {
  intervals: Interval[];
  unmet?: Unmet[];
}) {
  const t = useT();
  const label = useLabel();
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: "svg" });
    const times = intervals.map((i) => i.start.slice(11, 16));
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: "category", data: times },
      yAxis: { type: "value", minInterval: 1, name: t("staffing.people") },
      series: [
        {
          name: t("staffing.counterScheduled"),
          type: "bar",
          stack: "scheduled",
          data: intervals.map((i) => i.counterScheduled),
          itemStyle: { color: "#0b5394" },
          // Each unmet range over the half hours it touches, named by the rule that binds.
          markArea: {
            silent: true,
            itemStyle: { color: "rgba(213, 94, 0, 0.12)" },
            label: { position: "insideTop", color: "#7a2e00", fontSize: 11 },
            data: unmet.map((u) => {
              const from = times.findLast((x) => x <= u.from) ?? times[0];
              const to = times.findLast((x) => x < u.to) ?? times.at(-1);
              return [
                {
                  name: label(UNMET_CAUSE_LABELS[u.cause ?? "people"], u.cause ?? ""),
                  xAxis: from,
                },
                { xAxis: to },
              ];
            }),
          },
        },
        {
          name: t("staffing.phoneScheduled"),
          type: "bar",
          stack: "scheduled",
          data: intervals.map((i) => i.phoneScheduled),
          itemStyle: { color: "#56b4e9" },
        },
        {
          name: t("staffing.counterRequired"),
          type: "line",
          step: "start",
          data: intervals.map((i) => i.counterRequired),
          lineStyle: { color: "#d55e00", width: 3 },
          itemStyle: { color: "#d55e00" },
        },
        {
          name: t("staffing.allRequired"),
          type: "line",
          step: "start",
          data: intervals.map((i) => i.counterRequired + i.phoneRequired),
          lineStyle: { color: "#1b1f24", type: "dashed", width: 2 },
          itemStyle: { color: "#1b1f24" },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [intervals, unmet, t, label]);
  const short = intervals.filter((i) => i.counterScheduled < i.counterRequired).length;
  return (
    <figure className="coverage-chart">
      <div
        ref={box}
        className="chart-box"
        role="img"
        aria-label={t("staffing.chartLabel", { short })}
      />
      <figcaption className="hint">{t("staffing.chartCaption")}</figcaption>
      {unmet.length > 0 && (
        <ul className="unmet-causes" aria-label={t("staffing.unmetCauses")}>
          {unmet.map((u) => (
            <li key={`${u.rule}-${u.from}`}>
              <strong>
                {u.from}–{u.to} {label(UNMET_LABELS[u.rule], u.rule)}
              </strong>{" "}
              <span className="cause">
                {label(UNMET_CAUSE_LABELS[u.cause ?? "people"], u.cause ?? "")}
              </span>
              {u.lift && <span className="lift"> — {liftText(u, lang)}</span>}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
