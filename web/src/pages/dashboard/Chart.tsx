import { BarChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One dashboard chart (Apache ECharts, SVG so it prints and scales), with a text alternative and
 * a link to the figures behind it as CSV.
 */
export function Chart(props: {
  title: string;
  label: string;
  option: ChartOption;
  csv: string;
  csvLabel: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.setOption({ animation: false, ...props.option });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [props.option]);
  return (
    <figure className="panel dashboard-chart">
      <div className="title-row">
        <h2 className="section-title">{props.title}</h2>
        <a className="button" href={props.csv} download>
          {props.csvLabel}
        </a>
      </div>
      <div ref={box} className="chart-box" role="img" aria-label={props.label} />
    </figure>
  );
}
