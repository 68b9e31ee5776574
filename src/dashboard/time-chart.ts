import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatAxisCount, formatCount, formatPercent } from "./format.js";

/** One line of a chart. Band edges are lines too: thin and faint, and named in the legend. */
export interface ChartLine {
  label: string;
  color: string;
  width?: number;
  dash?: number[];
  /** Draw a dot on each value (for sparse series such as daily figures). */
  points?: boolean;
}

/** What a chart shows: lines over time, bands between pairs of them, axis labels with units. */
export interface ChartSpec {
  title: string;
  /** The y axis' label, with its unit: "opportunities per hour". */
  yLabel: string;
  /** The x axis' label: "hour (Europe/Stockholm)". */
  xLabel: string;
  /** Time zone the x axis is read in (uPlot shows browser-local time otherwise). */
  timeZone: string;
  lines: ChartLine[];
  /** Fills between two lines, by index into `lines`: [upper, lower, fill]. */
  bands?: [number, number, string][];
  /** Values are counts (thousands separators) or shares (percent). */
  values?: "count" | "percent";
  height?: number;
  /** Ticks of the x axis at whole days or more (for daily and weekly data). */
  days?: boolean;
  /** Called after each draw (uPlot's draw hook). */
  onDraw?: () => void;
}

/** Tick steps of a daily axis, seconds: 1, 2 days, a week, 2 and 4 weeks, a quarter, a year. */
const DAY_INCREMENTS = [1, 2, 7, 14, 28, 91, 365].map((days) => days * 86_400);

/** x in seconds since the epoch, then one array per line (null: no value, a gap). */
export type ChartData = [ArrayLike<number>, ...ArrayLike<number | null>[]];

/**
 * A uPlot time chart that follows its container's width. `setData` redraws with new data of the same lines
 * (no rebuild), so changing a page's granularity or key costs one draw; `destroy` frees it.
 *
 * @example
 * const chart = new TimeChart(el, { title: "Total", yLabel: "opportunities per hour", xLabel: "hour (UTC)",
 *   timeZone: "UTC", lines: [{ label: "forecast", color: "#1f5fbf" }] }, [xs, means]);
 */
export class TimeChart {
  readonly plot: uPlot;
  private readonly observer: ResizeObserver;
  private frame = 0;

  constructor(
    private readonly parent: HTMLElement,
    spec: ChartSpec,
    data: ChartData,
  ) {
    const format = spec.values === "percent" ? formatPercent : formatCount;
    const tick = spec.values === "percent" ? (v: number) => formatPercent(v) : formatAxisCount;
    const zone = spec.timeZone;
    const options: uPlot.Options = {
      title: spec.title,
      width: Math.max(320, parent.clientWidth),
      height: spec.height ?? 320,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), zone),
      scales: {
        // uPlot widens a lone point's range by 86,400 / 1e-3 s (years) with times in seconds: a day each side.
        x: {
          time: true,
          range: (u, min, max) =>
            u.data[0].length === 1 ? [u.data[0][0] - 86_400, u.data[0][0] + 86_400] : [min, max],
        },
        // Shares are read from zero (errors, coverage; bias either side of it).
        ...(spec.values === "percent"
          ? { y: { range: (_u, min, max) => [Math.min(0, min), Math.max(0, max) * 1.1 || 0.1] } }
          : {}),
      },
      series: [
        { label: "time" },
        ...spec.lines.map(
          (line): uPlot.Series => ({
            label: line.label,
            stroke: line.color,
            width: line.width ?? 1.5,
            dash: line.dash,
            points: { show: line.points === true, size: 5, fill: line.color },
            spanGaps: false,
            value: (_u, v) => format(v),
          }),
        ),
      ],
      bands: (spec.bands ?? []).map(([upper, lower, fill]) => ({ series: [upper + 1, lower + 1], fill })),
      axes: [
        {
          label: spec.xLabel,
          stroke: "#222",
          grid: { stroke: "#e3e3e3" },
          ticks: { stroke: "#bbb" },
          ...(spec.days === true ? { incrs: DAY_INCREMENTS } : {}),
        },
        {
          label: spec.yLabel,
          stroke: "#222",
          size: 70,
          grid: { stroke: "#e3e3e3" },
          ticks: { stroke: "#bbb" },
          values: (_u, splits) => splits.map(tick),
        },
      ],
      legend: { live: true },
      hooks: spec.onDraw === undefined ? {} : { draw: [() => spec.onDraw?.()] },
    };
    this.plot = new uPlot(options, data as uPlot.AlignedData, parent);
    // Follow the container's width, once per animation frame at most.
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        const width = Math.max(320, this.parent.clientWidth);
        if (width !== this.plot.width) this.plot.setSize({ width, height: this.plot.height });
      });
    });
    this.observer.observe(parent);
  }

  /** Shows new data for the same lines (scales reset to fit it). */
  setData(data: ChartData): void {
    this.plot.setData(data as uPlot.AlignedData);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.plot.destroy();
  }
}
